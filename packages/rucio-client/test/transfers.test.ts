import { describe, expect, it } from 'vitest';
import { all, loadRecording, replayClient } from './replay.ts';

/** Transfer requests between two RSEs, recorded in flight on the real devstack (scripts/record-transfers.ts). */
const token = 'tok';
const path = loadRecording('transfer-requests').request.path;
const query = new URLSearchParams(path.split('?')[1]);
const sourceRse = query.get('src_rse') ?? '';
const destinationRse = query.get('dst_rse') ?? '';

describe('listTransferRequests', () => {
  it('lists the requests between two RSEs with both names, in the states asked as Rucio’s codes', async () => {
    const { rucio, seen } = replayClient(['transfer-requests'], 113);
    const requests = await all(
      rucio.listTransferRequests({
        token,
        sourceRse,
        destinationRse,
        states: ['QUEUED', 'SUBMITTED', 'DONE', 'FAILED'],
      }),
    );
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests)
      expect(r).toMatchObject({
        source_rse: sourceRse,
        dest_rse: destinationRse,
        state: 'SUBMITTED',
      });
    expect(new URL(seen[0]?.url ?? '').searchParams.get('request_states')).toBe('Q,S,D,F');
  });

  it('refuses a listing of no state before asking Rucio', () => {
    const { rucio, seen } = replayClient([]);
    expect(() =>
      rucio.listTransferRequests({ token, sourceRse, destinationRse, states: [] }),
    ).toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
});
