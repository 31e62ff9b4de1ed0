import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, BulkApplyResult, BulkPreview, QuotaAuditPage } from '@bdms/contract';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { IDP_ISSUER, login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { startRucioGate, type RucioGate } from './rucio-gate.ts';

/*
 * Bulk edits and refusals through a real BFF whose Rucio calls pass a gate (rucio-gate.ts) that
 * can drop one request before Rucio sees it (Rucio going away mid-way) or hold it while the test
 * changes Rucio underneath. Every answer is the real Rucio's. Limits set here are on the ONSITE
 * RSEs, where the seed gives alice and lst-analysis none; all are removed afterwards.
 */
let bff: TestBff;
let gate: RucioGate;
let admin = '';
let root = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
/** The tests' own account, made active only while the refusal test runs. */
const GONE = 'bdms-it-gone';
const TARGETS = [
  ['alice', 'CTAO-S-ONSITE'],
  ['lst-analysis', 'CTAO-S-ONSITE'],
  ['lst-analysis', 'CTAO-N-ONSITE'],
] as const;

beforeAll(async () => {
  gate = await startRucioGate(RUCIO_URL);
  bff = await startBff(IDP_ISSUER, { rucioUrl: gate.url });
  admin = (await login(bff, demoUser('admin'))).cookie;
  root = (await rucio.authUserpass(RUCIO_ROOT)).token;
});
afterAll(async () => {
  for (const [account, rse] of TARGETS) await rucio.deleteLocalLimit({ token: root, account, rse });
  await bff.stop();
  await gate.stop();
});

const post = (path: string, body: unknown) =>
  fetch(`${bff.url}${path}`, {
    method: path.includes('/local/') ? 'PUT' : 'POST',
    headers: { Cookie: admin, 'x-csrf': '1', Origin: bff.url, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
async function ok(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${String(res.status)} ${text}`);
  return JSON.parse(text) as unknown;
}
const local = async (account: string, rse: string) =>
  (await rucio.getLocalLimits({ token: root, account }))[rse];
const auditOf = async (query: string) =>
  QuotaAuditPage.parse(
    await ok(await fetch(`${bff.url}/api/quotas/audit?${query}`, { headers: { Cookie: admin } })),
  ).entries;

const csv = [
  'account,rse,bytes',
  'alice,CTAO-S-ONSITE,1 GB',
  'lst-analysis,CTAO-S-ONSITE,2.5 GB',
  'lst-analysis,CTAO-N-ONSITE,unlimited',
].join('\n');

describe('bulk limit edits against the real Rucio', () => {
  it('when a CSV is previewed, then each row shows before → after and its problems, and nothing is written', async () => {
    const bad = `${csv}\nalice,NO-SUCH-RSE,1\nalice,CTAO-N-ONSITE,-5 GB\nalice,CTAO-N-ONSITE,0.5 B`;
    const preview = BulkPreview.parse(
      await ok(
        await post('/api/quotas/limits/bulk/preview', {
          requestId: randomUUID(),
          source: { kind: 'csv', csv: bad },
        }),
      ),
    );
    expect(preview.rows.map((r) => [r.row, r.action, r.before, r.after])).toEqual([
      [2, 'set', null, 1e9],
      [3, 'set', null, 2.5e9],
      [4, 'set', null, 'unlimited'],
      [5, 'invalid', null, 1],
      [6, 'invalid', null, null],
      [7, 'invalid', null, null],
    ]);
    expect(preview.rows.slice(3).map((r) => r.problems[0]?.field)).toEqual([
      'rse',
      'limit',
      'limit',
    ]);
    expect(preview.canApply).toBe(false);
    for (const [account, rse] of TARGETS) expect(await local(account, rse)).toBeUndefined();
  });

  it('when Rucio goes away mid-way, then the answer says which rows were applied, and a retry with the same request id applies the rest once', async () => {
    const requestId = randomUUID();
    const request = { requestId, source: { kind: 'csv', csv } };
    gate.drop = (method, path) =>
      method === 'POST' && path === '/accounts/lst-analysis/limits/local/CTAO-S-ONSITE';
    const first = BulkApplyResult.parse(
      await ok(await post('/api/quotas/limits/bulk/apply', request)),
    );
    gate.drop = undefined;
    expect(gate.dropped).toHaveLength(1);
    expect(first.complete).toBe(false);
    expect(first.rows.map((r) => r.status)).toEqual(['applied', 'failed', 'not_applied']);
    expect(first.rows[1]?.message).toContain('did not answer');
    expect(await local('alice', 'CTAO-S-ONSITE')).toBe(1e9);
    expect(await local('lst-analysis', 'CTAO-S-ONSITE')).toBeUndefined();
    expect(await local('lst-analysis', 'CTAO-N-ONSITE')).toBeUndefined();

    const retry = BulkApplyResult.parse(
      await ok(await post('/api/quotas/limits/bulk/apply', request)),
    );
    expect(retry.complete).toBe(true);
    expect(retry.rows.map((r) => r.status)).toEqual(['unchanged', 'applied', 'applied']);
    expect(await local('lst-analysis', 'CTAO-S-ONSITE')).toBe(2.5e9);
    expect(await local('lst-analysis', 'CTAO-N-ONSITE')).toBe(Infinity);

    const rows = [
      ...(await auditOf('account=alice&limit=100')),
      ...(await auditOf('account=lst-analysis&limit=100')),
    ]
      .filter((e) => e.batchId === requestId)
      .map((e) => `${e.account} ${e.rse ?? ''} ${e.result}`)
      .sort();
    expect(rows).toEqual([
      'alice CTAO-S-ONSITE accepted',
      'alice CTAO-S-ONSITE unchanged',
      'lst-analysis CTAO-N-ONSITE accepted',
      'lst-analysis CTAO-S-ONSITE accepted',
      'lst-analysis CTAO-S-ONSITE refused',
    ]);
  });

  it('when Rucio refuses a change the BFF let through, then it is audited as refused with Rucio’s words', async () => {
    // One account of the tests' own, kept DELETED between runs (Rucio never purges accounts, and
    // lists even deleted ones in /rses/<rse>/accounts/usage: a new one per run would pile up).
    const account = GONE;
    const headers = { 'X-Rucio-Auth-Token': root, 'Content-Type': 'application/json' };
    const made = await fetch(`${RUCIO_URL}/accounts/${account}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'USER', email: `${account}@example.org` }),
    });
    if (made.status === 409)
      await fetch(`${RUCIO_URL}/accounts/${account}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ status: 'ACTIVE' }),
      });
    else expect(made.status).toBe(201);
    // The BFF has checked the account; Rucio gets the write only after the account is gone.
    gate.hold = (method, path) =>
      method === 'POST' && path.startsWith(`/accounts/${account}/limits`);
    const pending = post(`/api/quotas/limits/local/${account}/CTAO-S-ONSITE`, { limit: 1e9 });
    await gate.held();
    await fetch(`${RUCIO_URL}/accounts/${account}`, { method: 'DELETE', headers });
    gate.hold = undefined;
    gate.release();
    const res = await pending;
    const text = await res.text();
    expect(res.status, text).toBe(400);
    const { error } = ApiErrorBody.parse(JSON.parse(text));
    expect(error.details).toMatchObject({ field: 'account' });
    const [entry] = await auditOf(`account=${account}&limit=1`);
    expect(entry).toMatchObject({ result: 'refused', after: 1e9, rse: 'CTAO-S-ONSITE' });
    expect(entry?.message).toContain(`Account ${account} does not exist`);
  });
});
