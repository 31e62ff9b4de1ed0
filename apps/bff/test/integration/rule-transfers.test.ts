import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuleDetails, RuleRequestResult, RuleTransfers } from '@bdms/contract';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { asRoot, freshDataset } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';

/*
 * A rule's transfers seen by its owner, who is no admin: the demo astronomer (Rucio account
 * alice) asks through a real BFF for a rule on a fresh dataset to an RSE where it has no copy,
 * and sees Rucio's requests for its files (which Rucio lists to admins only) while the devstack's
 * transfer loop moves them, until the rule is OK. The rule is removed afterwards.
 */
const SOURCE = 'CTAO-S-ONSITE';
/** Where alice has a local limit (100 kB; the dataset takes 900 bytes). */
const TARGET = 'DESY-ZN-DISK';
const IN_FLIGHT = ['QUEUED', 'WAITING', 'PREPARING', 'SUBMITTING', 'SUBMITTED'];

let bff: TestBff;
let cookie = '';
let token = '';
let dataset: Awaited<ReturnType<typeof freshDataset>>;
const made: string[] = [];
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
  token = (await rucio.authUserpass(RUCIO_ROOT)).token;
  dataset = await freshDataset(RUCIO_URL, token, SOURCE, 'it-rule-transfers');
}, 60_000);
afterAll(async () => {
  // Rucio 41 needs a JSON body on DELETE.
  for (const id of made)
    await asRoot(RUCIO_URL, token, `/rules/${id}`, 'DELETE', { purge_replicas: false });
  await bff.stop();
});

const get = async (path: string) => {
  const res = await fetch(`${bff.url}${path}`, { headers: { Cookie: cookie } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${String(res.status)} ${text}`);
  return JSON.parse(text) as unknown;
};

async function requestRule(): Promise<string> {
  const res = await fetch(`${bff.url}/api/rules`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json', 'x-csrf': '1', Origin: bff.url },
    body: JSON.stringify({
      dids: [{ scope: dataset.scope, name: dataset.name }],
      rseExpression: TARGET,
      copies: 1,
      lifetimeSeconds: 900,
      comment: 'bff integration test: rule transfers',
      askApproval: false,
    }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/rules: ${String(res.status)} ${text}`);
  const id = RuleRequestResult.parse(JSON.parse(text)).ruleIds[0] ?? '';
  made.push(id);
  return id;
}

describe('the transfers of her own rule, for an astronomer who is no admin', () => {
  it('while the rule replicates, its files’ requests to the new RSE show as Rucio has them; once it is OK, none is left', async () => {
    const id = await requestRule();
    expect(RuleDetails.parse(await get(`/api/rules/${id}`)).rule.account).toBe('alice');
    // No admin: Rucio's request listing (behind GET /api/transfers) is not hers to read.
    const listing = await fetch(`${bff.url}/api/transfers`, { headers: { Cookie: cookie } });
    expect(listing.status).toBe(403);
    const names = new Set(dataset.files.map((f) => f.name));
    const seen = new Set<string>();
    let state = '';
    for (let i = 0; i < 120 && state !== 'OK'; i += 1) {
      const answer = RuleTransfers.parse(await get(`/api/rules/${id}/transfers`));
      expect(answer.ruleId).toBe(id);
      expect(answer.shown).toBe(answer.transfers.length);
      expect(Date.parse(answer.fetchedAt)).toBeGreaterThan(Date.now() - 60_000);
      for (const t of answer.transfers) {
        expect(names.has(t.name)).toBe(true);
        expect(t.rse).toBe(TARGET);
        const r = t.request;
        if (!r) continue;
        seen.add(r.state);
        expect(r).toMatchObject({ destination: TARGET, bytes: dataset.files[0]?.bytes });
        expect(r.createdAt).toMatch(/Z$/);
        if (r.state === 'SUBMITTED') expect(r.source).toBe(SOURCE);
      }
      state = RuleDetails.parse(await get(`/api/rules/${id}`)).rule.state;
      if (state !== 'OK') await sleep(500);
    }
    expect(state).toBe('OK');
    expect([...seen].some((s) => IN_FLIGHT.includes(s))).toBe(true);
    expect(seen.has('SUBMITTED')).toBe(true);
    const after = RuleTransfers.parse(await get(`/api/rules/${id}/transfers`));
    expect(after).toMatchObject({ transfers: [], total: 0, shown: 0 });
  }, 120_000);

  it('when the rule is unknown, then 404 in Rucio’s words', async () => {
    const res = await fetch(`${bff.url}/api/rules/${'0'.repeat(32)}/transfers`, {
      headers: { Cookie: cookie },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
