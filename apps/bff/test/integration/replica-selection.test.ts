import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplicaStates, SelectionReplicaSummary } from '@bdms/contract';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient, type DatasetReplicaDto } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all, didUrl } from './did-helpers.ts';

/*
 * A search selection's replica map and a DID's file replica states, through a real BFF signed in
 * as the demo astronomer, checked against Rucio's REST asked directly as root, one DID at a time.
 */
let bff: TestBff;
let cookie = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
let token = '';

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
  token = (await rucio.authUserpass(RUCIO_ROOT)).token;
});
afterAll(async () => {
  await bff.stop();
});

const { container } = recordedMeta();
const get = (path: string) => fetch(`${bff.url}${path}`, { headers: { Cookie: cookie } });
const post = (path: string, body: unknown) =>
  fetch(`${bff.url}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json', 'x-csrf': '1', Origin: bff.url },
    body: JSON.stringify(body),
  });

/** Seeded nights of another telescope than the recorded container's (no DID shared with it). */
const otherNights = { scope: 'acada', name: '/ctao/acada/DL0/LSTN-01/ctao-north/event/2025/02' };

/** A dataset per RSE as its own page shows it: counted now, plus RSEs only Rucio's table lists. */
async function datasetPerRse(ds: { scope: string; name: string }) {
  const perRse = new Map<string, DatasetReplicaDto>();
  for (const deep of [false, true])
    for (const r of await all(rucio.listDatasetReplicas({ token, ...ds, deep })))
      perRse.set(r.rse, r);
  return [...perRse.values()];
}

describe('a selection’s replica map against the real Rucio', () => {
  it('when a file, a dataset, a container and an unknown DID are selected, then per RSE the sums are Rucio’s, each DID read on its own', async () => {
    const [night, other] = (await all(rucio.listContents({ token, ...otherNights }))).filter(
      (c) => c.type === 'DATASET',
    );
    const [file] = await all(rucio.listContents({ token, scope: other!.scope, name: other!.name }));
    const selected = [
      { scope: file!.scope, name: file!.name },
      { scope: night!.scope, name: night!.name },
      { scope: container.scope, name: container.name },
      { scope: 'acada', name: '/ctao/no/such/did' },
    ];
    const res = await post('/api/replicas/summary', { dids: selected });
    expect(res.status).toBe(200);
    const summary = SelectionReplicaSummary.parse(await res.json());

    const below = (await all(rucio.listContents({ token, ...container }))).filter(
      (c) => c.type === 'DATASET',
    );
    const expected = new Map<string, { files: number; available: number }>();
    const add = (rse: string, files: number, available: number) => {
      const sum = expected.get(rse) ?? { files: 0, available: 0 };
      expected.set(rse, { files: sum.files + files, available: sum.available + available });
    };
    for (const ds of [night!, ...below])
      for (const r of await datasetPerRse(ds)) add(r.rse, r.length ?? 0, r.available_length ?? 0);
    for (const f of await all(rucio.listFileReplicas({ token, dids: [file!] })))
      for (const [rse, state] of Object.entries(f.states ?? {}))
        add(rse, 1, state === 'AVAILABLE' ? 1 : 0);

    expect(
      Object.fromEntries(
        summary.rses.map((r) => [r.rse, { files: r.totalFiles, available: r.availableFiles }]),
      ),
    ).toEqual(Object.fromEntries(expected));
    expect(summary.selection).toEqual({
      files: 1,
      datasets: 1,
      containers: 1,
      datasetsSummed: 1 + below.length,
      partial: false,
      unknown: ['acada:/ctao/no/such/did'],
    });
  });

  it('when the selection is empty or too long, then a 400 names the list and Rucio is not asked', async () => {
    for (const dids of [
      [],
      Array.from({ length: 101 }, (_, i) => ({ scope: 'acada', name: `/x${i}` })),
    ]) {
      const res = await post('/api/replicas/summary', { dids });
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('dids');
    }
  });

  it('when the selection is posted without the CSRF header, then it is refused', async () => {
    const res = await fetch(`${bff.url}/api/replicas/summary`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ dids: [container] }),
    });
    expect(res.status).toBe(403);
  });
});

describe('a DID’s file replica states against the real Rucio', () => {
  it('when a seeded dataset’s states are counted, then per RSE its available files are those Rucio counts now', async () => {
    const [night] = (await all(rucio.listContents({ token, ...otherNights }))).filter(
      (c) => c.type === 'DATASET',
    );
    const states = ReplicaStates.parse(
      await (await get(didUrl(night!, '/replicas/states'))).json(),
    );
    const deep = await all(rucio.listDatasetReplicas({ token, ...night!, deep: true }));
    expect(states.complete).toBe(true);
    expect(states.files).toBe(Math.max(...deep.map((r) => r.length ?? 0)));
    expect(Object.fromEntries(states.rses.map((r) => [r.rse, r.states.AVAILABLE ?? 0]))).toEqual(
      Object.fromEntries(deep.map((r) => [r.rse, r.available_length])),
    );
  });

  it('when the DID is unknown, then 404', async () => {
    const res = await get(
      didUrl({ scope: 'acada', name: '/ctao/no/such/did' }, '/replicas/states'),
    );
    expect(res.status).toBe(404);
  });
});
