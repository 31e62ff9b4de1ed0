import { describe, expect, it } from 'vitest';
import { datasetSummary } from '../../src/dids/replica-summary.ts';

const row = (rse: string, available: number, length: number | null, bytes: number | null) => ({
  scope: 'acada',
  name: '/ctao/acada/d',
  rse,
  state: available === length ? 'AVAILABLE' : 'UNAVAILABLE',
  available_length: available,
  length,
  available_bytes: available * 10,
  bytes,
});

describe('datasetSummary', () => {
  it('when a rule has just added an RSE (Rucio counts 0 of 0 there), then its total is the dataset’s', () => {
    const summary = datasetSummary(
      [row('A-DISK', 6, 6, 60)],
      [row('A-DISK', 6, 6, 60), row('B-DISK', 0, 0, 0)],
    );
    expect(summary.rses).toEqual([
      expect.objectContaining({ rse: 'A-DISK', availableFiles: 6, totalFiles: 6, totalBytes: 60 }),
      expect.objectContaining({ rse: 'B-DISK', availableFiles: 0, totalFiles: 6, totalBytes: 60 }),
    ]);
  });

  it('when no RSE knows the dataset’s size, then nothing is made up', () => {
    const summary = datasetSummary([], [row('B-DISK', 0, null, null)]);
    expect(summary.rses[0]).toMatchObject({ totalFiles: 0, totalBytes: null });
  });
});
