import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, RseExpressionPreview, RuleQuote, RuleRequestResult } from '@bdms/contract';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all } from './did-helpers.ts';

/*
 * Requesting a rule through a real BFF as the demo astronomer (Rucio account alice: local limits
 * on DESY-ZN-DISK and CSCS-DISK only), checked against Rucio's REST asked directly as root. Rules
 * made here are removed afterwards.
 */
let bff: TestBff;
let cookie = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
let token = '';
const made: string[] = [];
/** A file no other test reads the rules of: the first of a simulation dataset. */
const DATASET = {
  scope: 'dpps',
  name: '/ctao/dpps/SIM/Prod6/ctao-south/gamma-diffuse/zenith20deg_az180deg',
};
let file = { scope: '', name: '' };
/*
 * Rucio 41 only expires a rule deleted through its API (its cleaner removes it within the hour),
 * and a second rule for the same DID, account and expression is a DuplicateRule: each run uses
 * expressions of its own that resolve to the same RSE (minus an attribute no RSE has).
 */
const run = `bdmsit${Date.now().toString(36)}`;
const only = (rse: string) => `${rse}\\${run}=1`;

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
  token = (await rucio.authUserpass(RUCIO_ROOT)).token;
  const first = (await all(rucio.listContents({ token, ...DATASET }))).find(
    (d) => d.type === 'FILE',
  );
  if (!first) throw new Error(`${DATASET.name} has no file`);
  file = { scope: first.scope, name: first.name };
});
afterAll(async () => {
  for (const id of made)
    await fetch(`${RUCIO_URL}/rules/${id}`, {
      method: 'DELETE',
      headers: { 'X-Rucio-Auth-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ purge_replicas: false }),
    });
  await bff.stop();
});

const get = (path: string) => fetch(`${bff.url}${path}`, { headers: { Cookie: cookie } });
const post = (path: string, body: unknown, csrf = true) =>
  fetch(`${bff.url}${path}`, {
    method: 'POST',
    headers: {
      Cookie: cookie,
      'Content-Type': 'application/json',
      ...(csrf ? { 'x-csrf': '1', Origin: bff.url } : {}),
    },
    body: JSON.stringify(body),
  });
/** The body of a successful answer; a failed one fails the test with the BFF's error. */
async function body(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${String(res.status)} ${text}`);
  return JSON.parse(text) as unknown;
}
const rule = (over: Record<string, unknown>) => ({
  dids: [{ scope: file.scope, name: file.name }],
  rseExpression: only('DESY-ZN-DISK'),
  copies: 1,
  lifetimeSeconds: 3600,
  comment: null,
  askApproval: false,
  ...over,
});

describe('requesting a rule against the real Rucio', () => {
  it('previews the RSEs an expression resolves to, as Rucio resolves it, and Rucio’s reason for a bad one', async () => {
    const preview = RseExpressionPreview.parse(
      await body(await get('/api/rse-expressions?expression=OFFSITE')),
    );
    const truth = await all(rucio.resolveRseExpression({ token, expression: 'OFFSITE' }));
    expect(preview.rses.map((r) => r.rse)).toEqual(truth.map((r) => r.rse).sort());
    const bad = RseExpressionPreview.parse(
      await body(await get(`/api/rse-expressions?expression=${encodeURIComponent('OFFSITE((')}`)),
    );
    expect(bad).toMatchObject({ rses: [], problem: expect.stringMatching(/parenthes/i) as string });
  });

  it('quotes the cost against alice’s limits as Rucio judges them: an RSE without a limit takes nothing', async () => {
    const res = await post('/api/rule-quotes', {
      dids: [{ scope: file.scope, name: file.name }],
      rseExpression: 'DESY-ZN-DISK|CTAO-S-ONSITE',
      copies: 2,
    });
    const quote = RuleQuote.parse(await body(res));
    const info = await rucio.getDid({ token, ...file });
    expect(quote).toMatchObject({
      account: 'alice',
      bytes: info.bytes,
      files: 1,
      quotaChecked: true,
    });
    expect(quote.rses.find((r) => r.rse === 'DESY-ZN-DISK')).toMatchObject({
      limitBytes: 100_000,
      fits: true,
    });
    expect(quote.rses.find((r) => r.rse === 'CTAO-S-ONSITE')).toMatchObject({
      limitBytes: null,
      fits: false,
    });
    expect(quote).toMatchObject({ fitting: 1, overQuota: true });
  });

  it('creates a rule Rucio then holds for alice; the same again is refused as a duplicate, at the DIDs', async () => {
    const res = await post('/api/rules', rule({}));
    expect(res.status).toBe(201);
    const { ruleIds, state } = RuleRequestResult.parse(await body(res));
    made.push(...ruleIds);
    expect(state).toBe('created');
    const created = await rucio.getRule({ token, id: ruleIds[0] ?? '' });
    expect(created).toMatchObject({
      account: 'alice',
      rse_expression: only('DESY-ZN-DISK'),
      copies: 1,
      scope: file.scope,
      name: file.name,
    });
    const again = await post('/api/rules', rule({}));
    expect(again.status).toBe(409);
    expect(ApiErrorBody.parse(await again.json()).error).toMatchObject({
      code: 'rucio_refused',
      details: { field: 'dids' },
    });
  });

  it('over quota, Rucio’s refusal is shown at the approval choice; asked for approval with a reason, the rule waits', async () => {
    const over = await post('/api/rules', rule({ rseExpression: only('CTAO-S-ONSITE') }));
    expect(over.status).toBe(409);
    const refusal = ApiErrorBody.parse(await over.json());
    expect(refusal.error).toMatchObject({
      code: 'rucio_refused',
      details: { field: 'askApproval' },
    });
    expect(refusal.error.message).toMatch(/quota/i);
    const noReason = await post(
      '/api/rules',
      rule({ rseExpression: only('CTAO-S-ONSITE'), askApproval: true }),
    );
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(await noReason.json())).toContain('comment');
    const asked = await post(
      '/api/rules',
      rule({
        rseExpression: only('CTAO-S-ONSITE'),
        askApproval: true,
        comment: 'for the Crab paper',
      }),
    );
    expect(asked.status).toBe(201);
    const { ruleIds, state } = RuleRequestResult.parse(await body(asked));
    made.push(...ruleIds);
    expect(state).toBe('waiting_approval');
    expect((await rucio.getRule({ token, id: ruleIds[0] ?? '' })).state).toBe('WAITING_APPROVAL');
  });

  it('refuses a write without the CSRF header', async () => {
    const res = await post('/api/rules', rule({}), false);
    expect(res.status).toBe(403);
    expect(ApiErrorBody.parse(await res.json()).error.code).toBe('csrf_rejected');
  });
});
