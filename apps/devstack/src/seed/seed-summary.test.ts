import { describe, expect, it } from 'vitest';
import { describeSeed, parseSeedSummary } from './seed-summary.ts';

// Written by `python -m seed --size small --verify 20 --summary …` against a real Rucio 41.5.1.
const recorded = JSON.stringify({
  seedVersion: 'ctao-demo-1',
  profile: 'small',
  seed: 20250204,
  skipped: false,
  rucioUrl: 'http://127.0.0.1:4491',
  storageRoot: '/tmp/scratch-rucio/storage',
  scopes: ['acada', 'dpps', 'root', 'user.alice'],
  rses: [
    'CTAO-N-ONSITE',
    'CTAO-S-ONSITE',
    'DESY-ZN-DISK',
    'CSCS-DISK',
    'INFN-FRASCATI-DISK',
    'PIC-TAPE',
  ],
  bigDataset: null,
  counts: {
    containers: 145,
    datasets: 106,
    files: 381,
    dids: 632,
    replicas: 1172,
    rules: 292,
    invalidDl0Skipped: 1,
  },
  verify: { files: 20, pfns: 62, failures: [] },
  steps: {
    generate: 0.01,
    server_objects: 0.8,
    collections: 1.12,
    files: 2.33,
    rules: 6.29,
    daemons: 8.66,
    verify: 0.37,
  },
  durationSeconds: 19.59,
});

describe('seed summary', () => {
  it('when the seed wrote its summary, then it parses and names the counts', () => {
    const s = parseSeedSummary(recorded);
    expect(s.counts.files).toBeGreaterThan(200);
    expect(s.rses).toContain('PIC-TAPE');
    expect(s.bigDataset).toBeNull();
    expect(describeSeed(s)).toMatch(/^Demo archive \(small\) seeded in [\d.]+ s: \d+ containers/);
  });

  it('when a bench archive was seeded, then the line names the big dataset', () => {
    const big = {
      scope: 'acada',
      name: '/ctao/acada/DL0/LSTN-01/ctao-north/event/2025/11/20',
      files: 100000,
    };
    const s = parseSeedSummary(
      JSON.stringify({ ...JSON.parse(recorded), skipped: true, bigDataset: big }),
    );
    expect(describeSeed(s)).toContain('already seeded');
    expect(describeSeed(s)).toContain(
      'acada:/ctao/acada/DL0/LSTN-01/ctao-north/event/2025/11/20 (100000 files)',
    );
  });

  it('when the summary lacks a field, then parsing fails loudly', () => {
    expect(() => parseSeedSummary('{"profile":"small"}')).toThrow();
  });
});
