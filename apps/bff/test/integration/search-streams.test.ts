import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchQueryInput } from '@bdms/contract';
import { RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { startHoldingProxy, type HoldingProxy } from './rucio-proxy.ts';
import {
  didKey,
  portalSearch,
  rucioDids,
  searchUrl,
  signIn,
  type Signed,
} from './search-helpers.ts';

/**
 * The search stream against the real Rucio behind a proxy that can hold or cut its answers: the
 * cap, a client that leaves (every upstream request released), and Rucio stopping mid-stream.
 */
let proxy: HoldingProxy;
let bff: TestBff;
let alice: Signed;

beforeAll(async () => {
  proxy = await startHoldingProxy(RUCIO_URL);
  bff = await startBff(undefined, { rucioUrl: proxy.url });
  alice = await signIn(bff);
});
afterEach(() => {
  proxy.hold = undefined;
  proxy.cut = undefined;
  proxy.release();
});
afterAll(async () => {
  await bff.stop();
  await proxy.stop();
});

/** Every Crab file: over 100 000 names on the bench archive, far more than a test reads. */
const CRAB: SearchQueryInput = {
  scopes: ['acada'],
  didType: 'file',
  groups: [[{ key: 'target_name', op: '=', value: 'Crab' }]],
};
const upstream = (): string[] =>
  proxy.open.filter((p) => p.includes('/dids/search') || p.includes('/dids/bulkmeta'));

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the search stream’s limits and failures', () => {
  it('when a limit is reached, then the trailer says capped and every row is one of Rucio’s', async () => {
    const query: SearchQueryInput = {
      scopes: ['acada', 'dpps'],
      didType: 'file',
      groups: [[{ key: 'site', op: '=', value: 'CTAO-South' }]],
    };
    const portal = await portalSearch(bff, alice, query, '&limit=10');
    expect(portal.rows).toHaveLength(10);
    expect(portal.trailer).toMatchObject({ end: { count: 10, capped: true, cap: 10 } });
    const all = new Set(
      (await rucioDids(alice.token, query.scopes, "[{'site': 'CTAO-South'}]")).map((d) => d.key),
    );
    for (const r of portal.rows) expect(all.has(didKey(r))).toBe(true);
    await until(() => upstream().length === 0);
  });

  it('when the client leaves mid-stream, then every request to Rucio is released', async () => {
    proxy.hold = (path) => path.includes('/dids/search');
    const abort = new AbortController();
    const res = await fetch(searchUrl(bff, CRAB), {
      headers: { Cookie: alice.cookie },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const body = res.body as unknown as AsyncIterable<Uint8Array>;
    const first = await body[Symbol.asyncIterator]().next();
    const chunk: Uint8Array | undefined = first.done ? undefined : first.value;
    expect(new TextDecoder().decode(chunk)).toMatch(/"scope":"acada"/);
    expect(upstream().some((p) => p.includes('/dids/search'))).toBe(true);
    abort.abort();
    await until(() => upstream().length === 0);
  });

  it('when Rucio’s connection breaks mid-stream, then the rows sent are followed by an error trailer, never a clean end', async () => {
    proxy.cut = (path) => path.includes('/dids/search');
    const portal = await portalSearch(bff, alice, CRAB);
    expect(portal.status).toBe(200);
    expect(portal.rows.length).toBeGreaterThan(0);
    expect(portal.trailer).toMatchObject({
      error: { code: 'rucio_unavailable', message: expect.stringMatching(/incomplete/) as string },
    });
    expect(portal.control.some((c) => 'end' in c)).toBe(false);
    await until(() => upstream().length === 0);
  });
});
