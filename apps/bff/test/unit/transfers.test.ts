import { describe, expect, it } from 'vitest';
import { TransferOverview } from '@bdms/contract';
import { loadRecording, type Recording } from '@bdms/rucio-client/testing';
import { ALICE_CLAIMS, stubOidc } from './helpers.ts';
import { replayGet } from './replay-app.ts';

/*
 * Transfers in flight: the BFF over the real client replaying the real Rucio's answers
 * (packages/rucio-client/scripts/record-transfers.ts: a rule's transfers caught while the
 * devstack's transfer loop held them SUBMITTED).
 */

const recorded = loadRecording('transfer-requests');
const query = new URLSearchParams(recorded.request.path.split('?')[1]);
const [SOURCE, DESTINATION] = [query.get('src_rse') ?? '', query.get('dst_rse') ?? ''];
const lines = recorded.response.body
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; bytes: number; state: string });
const RSES = [SOURCE, DESTINATION, 'PIC-TAPE'].sort();
const EMPTY = loadRecording('transfer-requests-none').response;

/** The recording for its pair, an empty answer (as recorded) for every other pair. */
function pairs(): Recording[] {
  const out: Recording[] = [];
  for (const src of RSES)
    for (const dst of RSES.filter((d) => d !== src)) {
      const path = `/requests/list?${new URLSearchParams({
        src_rse: src,
        dst_rse: dst,
        request_states: 'Q,W,P,G,S',
      }).toString()}`;
      const response = src === SOURCE && dst === DESTINATION ? recorded.response : EMPTY;
      out.push({ request: { method: 'GET', path, accept: null }, response });
    }
  return out;
}

const rseList: Recording = {
  request: { method: 'GET', path: '/rses/', accept: null },
  response: {
    status: 200,
    headers: { 'content-type': 'application/x-json-stream' },
    body: RSES.map((rse) =>
      JSON.stringify({ rse, rse_type: rse.endsWith('TAPE') ? 'TAPE' : 'DISK' }),
    ).join('\n'),
  },
};

const get = (groups: string[]) =>
  replayGet('/api/transfers', [rseList, ...pairs()], {
    chunkSize: 101,
    oidc: stubOidc({ claims: { ...ALICE_CLAIMS, 'wlcg.groups': groups } }),
  });

describe('GET /api/transfers', () => {
  it('for an admin, then every RSE pair is asked once and the transfers in flight are summed per pair', async () => {
    const { res, seen } = await get(['/ctao', '/ctao/admins']);
    expect(res.status).toBe(200);
    const overview = TransferOverview.parse(res.body);
    expect(seen.filter((s) => s.url.includes('/requests/list'))).toHaveLength(
      RSES.length * (RSES.length - 1),
    );
    expect(overview.total).toBe(lines.length);
    expect(overview.pairs).toEqual([
      {
        source: SOURCE,
        destination: DESTINATION,
        files: lines.length,
        bytes: lines.reduce((n, l) => n + l.bytes, 0),
        states: { SUBMITTED: lines.length },
      },
    ]);
    expect(overview.requests.map((r) => r.id).sort()).toEqual(lines.map((l) => l.id).sort());
    expect(overview.requests[0]).toMatchObject({
      source: SOURCE,
      destination: DESTINATION,
      retries: 0,
    });
    expect(overview.requests[0]?.submittedAt).toMatch(/Z$/);
  });

  it('for a user who is not an admin, then 403 and Rucio is not asked', async () => {
    const { res, seen } = await get(['/ctao']);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(seen.filter((s) => s.url.includes('/requests/'))).toHaveLength(0);
  });
});
