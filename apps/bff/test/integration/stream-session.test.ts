import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '@bdms/dev-fixtures';
import { recordedMeta } from '@bdms/rucio-client/testing';
import {
  login,
  RUCIO_URL,
  sessionId,
  setExpiresAt,
  startBff,
  storedSessions,
  type TestBff,
} from './bff.ts';
import { startHoldingProxy, type HoldingProxy } from './rucio-proxy.ts';

let proxy: HoldingProxy;
let bff: TestBff;
beforeAll(async () => {
  proxy = await startHoldingProxy(RUCIO_URL);
  bff = await startBff(undefined, { rucioUrl: proxy.url });
});
afterAll(async () => {
  proxy.release();
  await bff.stop();
  await proxy.stop();
});

const { scope, name } = recordedMeta().dataset;
const contents = (): string => `${bff.url}/api/dids/${scope}/${encodeURIComponent(name)}/contents`;
const holdContents = (path: string): boolean => path.endsWith('/dids') && path.includes('%2Fctao');

/** Starts a streamed listing that refreshes the token first and is then held after one chunk. */
async function heldStream(cookie: string, signal?: AbortSignal) {
  await setExpiresAt(bff, sessionId(cookie), Date.now() + 10_000); // inside the refresh margin
  proxy.hold = holdContents;
  const res = await fetch(contents(), { headers: { Cookie: cookie }, signal });
  expect(res.status).toBe(200);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  await reader.read(); // the first line is here: the refresh happened, the stream is running
  return reader;
}

describe('refresh and sign-out while a stream runs (real IdP, real Rucio)', () => {
  it('when a stream that refreshed the token is aborted, then the rotated refresh token was kept and the next refresh works', async () => {
    const { cookie } = await login(bff, demoUser('astronomer'));
    const before = (await storedSessions(bff))[sessionId(cookie)]?.tokens.refreshToken;
    bff.tokenRequests.length = 0;
    const abort = new AbortController();
    await heldStream(cookie, abort.signal);
    abort.abort();
    proxy.hold = undefined;
    proxy.release();
    const after = (await storedSessions(bff))[sessionId(cookie)]?.tokens.refreshToken;
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    // The next refresh redeems the rotated token; the spent one would revoke the whole grant.
    await setExpiresAt(bff, sessionId(cookie), Date.now() + 10_000);
    const me = await fetch(`${bff.url}/api/me`, { headers: { Cookie: cookie } });
    expect(me.status, await me.text()).toBe(200);
    expect(bff.tokenRequests).toEqual(['refresh_token', 'refresh_token']);
  });

  it('when the user signs out while a stream that refreshed is still running, then the session is not brought back when it ends', async () => {
    const { cookie } = await login(bff, demoUser('astronomer'));
    const sid = sessionId(cookie);
    const reader = await heldStream(cookie);
    const logout = await fetch(`${bff.url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF': '1', Origin: bff.url },
    });
    expect(logout.status).toBe(200);
    proxy.hold = undefined;
    proxy.release();
    let text = '';
    const decoder = new TextDecoder();
    for (let r = await reader.read(); !r.done; r = await reader.read())
      text += decoder.decode(r.value, { stream: true });
    expect(text).toContain('"end"'); // the stream itself finished normally
    expect((await storedSessions(bff))[sid]).toBeUndefined();
    const me = await fetch(`${bff.url}/api/me`, { headers: { Cookie: cookie } });
    expect(me.status).toBe(401);
  });
});
