import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Basket } from '@bdms/contract';
import { demoUser, RUCIO_ROOT, type DemoUser } from '@bdms/dev-fixtures';
import { createRucioClient, didPath } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all } from './did-helpers.ts';

/*
 * The download basket through a real BFF (real IdP, Rucio and PostgreSQL), signed in as the demo
 * astronomer, checked against Rucio's REST asked directly as root, one DID at a time.
 */
let bff: TestBff;
let token = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });

beforeAll(async () => {
  bff = await startBff();
  token = (await rucio.authUserpass(RUCIO_ROOT)).token;
});
afterAll(async () => {
  await bff.stop();
});

/** A signed-in user calling the BFF as the SPA does (X-CSRF and Origin on changes, unless not). */
async function as(user: DemoUser) {
  const { cookie } = await login(bff, user);
  return (method: string, path: string, body?: unknown, csrf = true) =>
    fetch(`${bff.url}${path}`, {
      method,
      headers: {
        Cookie: cookie,
        ...(method !== 'GET' && csrf ? { 'X-CSRF': '1', Origin: bff.url } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
}

/** Rucio's own answer for one DID: every file below it (`/dids/…/files`), counted and summed. */
async function filesOf(did: { scope: string; name: string }) {
  const res = await fetch(`${RUCIO_URL}${didPath(did.scope, did.name)}/files`, {
    headers: { 'X-Rucio-Auth-Token': token, Accept: 'application/x-json-stream' },
  });
  const lines = (await res.text()).split('\n').filter((l) => l.trim());
  const files = lines.map((l) => JSON.parse(l) as { bytes: number });
  return { files: files.length, bytes: files.reduce((s, f) => s + f.bytes, 0) };
}

const { file, partial, container } = recordedMeta();
const ref = (d: { scope: string; name: string }) => ({ scope: d.scope, name: d.name });
const DIDS = [ref(file), ref(partial), ref(container)];

describe('the basket with the real Rucio and PostgreSQL', () => {
  it('when the astronomer adds a file, a dataset and a container, then the figures are Rucio’s and only she sees them', async () => {
    const [alice, oscar] = [await as(demoUser('astronomer')), await as(demoUser('admin'))];
    const added = await alice('POST', '/api/basket/items', { dids: DIDS });
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({ added: DIDS, already: [], count: 3 });
    const again = await alice('POST', '/api/basket/items', { dids: [ref(file)] });
    expect(await again.json()).toMatchObject({ added: [], already: [ref(file)], count: 3 });

    const res = await alice('GET', '/api/basket');
    expect(res.status).toBe(200);
    const basket = Basket.parse(await res.json());
    const byName = new Map(basket.items.map((i) => [i.name, i]));
    for (const did of DIDS) {
      const item = byName.get(did.name);
      expect({ files: item?.files, bytes: item?.bytes }).toEqual(await filesOf(did));
      expect(item?.where).not.toBe('unknown');
    }
    expect(byName.get(file.name)).toMatchObject({ type: 'FILE', sizeSource: 'exact' });
    expect(byName.get(container.name)?.type).toBe('CONTAINER');
    const direct = await Promise.all(DIDS.map(filesOf));
    expect(basket.totals).toMatchObject({
      dids: 3,
      files: direct.reduce((s, d) => s + d.files, 0),
      bytes: direct.reduce((s, d) => s + d.bytes, 0),
      unknown: 0,
    });

    // The file's place, from its replicas as root lists them now.
    const types = new Map((await all(rucio.listRses({ token }))).map((r) => [r.rse, r.rse_type]));
    const [replica] = await all(rucio.listFileReplicas({ token, dids: [ref(file)] }));
    const onDisk = Object.entries(replica?.states ?? {}).some(
      ([rse, state]) => state === 'AVAILABLE' && types.get(rse) === 'DISK',
    );
    expect(byName.get(file.name)?.where).toBe(onDisk ? 'disk' : 'tape-only');

    expect(await (await oscar('GET', '/api/basket')).json()).toMatchObject({ items: [] });
    expect(await (await oscar('GET', '/api/basket/count')).json()).toEqual({
      count: 0,
      max: 10_000,
    });
    const removed = await alice('DELETE', '/api/basket/items', { dids: [ref(file)] });
    expect(await removed.json()).toMatchObject({ removed: [ref(file)], count: 2 });
    expect(await (await alice('DELETE', '/api/basket')).json()).toMatchObject({ count: 0 });
    const { entries } = await bff.audit.list({ action: 'basket_add' }, { limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.actor.username).toBe(demoUser('astronomer').username);
  });

  it('when the input is bad, a DID unknown or the CSRF header missing, then nothing changes', async () => {
    const alice = await as(demoUser('astronomer'));
    const bad = await alice('POST', '/api/basket/items', { dids: [{ scope: 'a b', name: 'x' }] });
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { message: string } };
    expect(badBody.error.message).toMatch(/^Invalid body\.dids\.0\.scope: /);
    const nope = { scope: file.scope, name: `${file.name}-nope` };
    const unknown = await alice('POST', '/api/basket/items', { dids: [ref(file), nope] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      `${nope.scope}:${nope.name}`,
    );
    const forged = await alice('POST', '/api/basket/items', { dids: [ref(file)] }, false);
    expect(forged.status).toBe(403);
    expect(await (await alice('GET', '/api/basket/count')).json()).toEqual({
      count: 0,
      max: 10_000,
    });
  });
});
