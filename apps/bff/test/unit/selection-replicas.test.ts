import { describe, expect, it } from 'vitest';
import type { FileReplicaDto } from '@bdms/rucio-client';
import { countReplicaStates } from '../../src/dids/replica-states.ts';
import { addRows } from '../../src/dids/selection-replicas.ts';

const row = (rse: string, available: number, total: number, bytes: number | null = total * 10) => ({
  rse,
  state: available === total ? 'AVAILABLE' : 'UNAVAILABLE',
  availableFiles: available,
  totalFiles: total,
  availableBytes: bytes === null ? null : available * 10,
  totalBytes: bytes,
});

async function* stream<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) yield await Promise.resolve(item);
}

const file = (name: string, states: Record<string, string>) => ({
  scope: 'acada',
  name,
  bytes: 10,
  adler32: '00000001',
  md5: null,
  rses: Object.fromEntries(Object.keys(states).map((rse) => [rse, [`http://x/${rse}/${name}`]])),
  states,
});

describe('addRows', () => {
  it('when two parts hold copies on one RSE, then files, bytes and datasets add up there', () => {
    const rows = addRows([
      { ...row('B-DISK', 3, 3), datasets: { complete: 1, total: 1 } },
      row('A-DISK', 1, 1),
      row('B-DISK', 1, 2),
    ]);
    expect(rows.map((r) => r.rse)).toEqual(['A-DISK', 'B-DISK']);
    expect(rows[1]).toEqual({
      rse: 'B-DISK',
      state: 'UNAVAILABLE',
      availableFiles: 4,
      totalFiles: 5,
      availableBytes: 40,
      totalBytes: 50,
      datasets: { complete: 1, total: 1 },
    });
  });

  it('when every part is whole, then the RSE stays AVAILABLE; an unknown size stays unknown', () => {
    const [only] = addRows([row('A-DISK', 2, 2), row('A-DISK', 1, 1, null)]);
    expect(only).toMatchObject({ state: 'AVAILABLE', availableFiles: 3, totalBytes: null });
  });

  it('does not change the rows it was given', () => {
    const first = { ...row('A-DISK', 1, 1), datasets: { complete: 1, total: 1 } };
    addRows([first, { ...row('A-DISK', 1, 1), datasets: { complete: 0, total: 1 } }]);
    expect(first.datasets).toEqual({ complete: 1, total: 1 });
  });
});

describe('countReplicaStates', () => {
  it('when files have copies in several states, then each RSE counts them by state', async () => {
    const counted = await countReplicaStates(
      stream([
        file('f1', { 'A-DISK': 'AVAILABLE', 'B-DISK': 'COPYING' }),
        file('f2', { 'A-DISK': 'AVAILABLE', 'B-DISK': 'AVAILABLE' }),
        file('f3', { 'A-DISK': 'BAD' }),
      ]),
    );
    expect(counted).toEqual({
      files: 3,
      complete: true,
      rses: [
        { rse: 'A-DISK', states: { AVAILABLE: 2, BAD: 1 } },
        { rse: 'B-DISK', states: { COPYING: 1, AVAILABLE: 1 } },
      ],
    });
  });

  it('when Rucio lists a copy without a state, then it counts as AVAILABLE', async () => {
    const rest: FileReplicaDto = file('f1', { 'A-DISK': 'AVAILABLE' });
    delete rest.states;
    const counted = await countReplicaStates(stream([rest]));
    expect(counted.rses).toEqual([{ rse: 'A-DISK', states: { AVAILABLE: 1 } }]);
  });

  it('when there are more files than the cap, then it stops reading and says so', async () => {
    let read = 0;
    async function* many() {
      for (let i = 0; i < 10; i += 1) {
        read += 1;
        yield await Promise.resolve(file(`f${i}`, { 'A-DISK': 'AVAILABLE' }));
      }
    }
    const counted = await countReplicaStates(many(), 4);
    expect(counted).toMatchObject({ files: 4, complete: false });
    expect(read).toBe(5);
  });
});
