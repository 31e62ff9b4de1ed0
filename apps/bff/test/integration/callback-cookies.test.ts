import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '@bdms/dev-fixtures';
import { ApiErrorBody } from '@bdms/contract';
import { login, loginUntilCallback, startBff, type TestBff } from './bff.ts';

const alice = demoUser('astronomer');
const oscar = demoUser('admin');
let bff: TestBff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(async () => {
  await bff.stop();
});

const me = (cookie: string): Promise<Response> =>
  fetch(`${bff.url}/api/me`, { headers: { Cookie: cookie } });

describe('callback bound to the browser that started the login', () => {
  it('when a code obtained by login A is redeemed with login B’s transaction cookie, then it is refused and no session is made', async () => {
    const a = await loginUntilCallback(bff, oscar);
    const b = await loginUntilCallback(bff, alice);
    const res = await fetch(a.callbackUrl, { redirect: 'manual', headers: { Cookie: b.txCookie } });
    expect(res.status).toBe(400);
    expect(ApiErrorBody.parse(await res.json()).error.code).toBe('login_failed');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('bdms_session=s'))).toBe(false);
    // The browser's transaction cookie is cleared by the refusal, so it has nothing left to try
    // again with. (The transaction lives only in that cookie: a refused callback writes nothing
    // on the server, which is what keeps anonymous requests out of the session store.)
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith('bdms_login_tx='));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
  });
});

describe('session cookie', () => {
  it('when logged in, then the session cookie is a small id (< 4 KB, far below), HttpOnly, SameSite=Strict, Path=/ and without Domain', async () => {
    const { callback } = await login(bff, alice);
    const line = callback.headers.getSetCookie().find((c) => c.startsWith('bdms_session=')) ?? '';
    expect(Buffer.byteLength(line)).toBeLessThan(4096);
    expect(Buffer.byteLength(line)).toBeLessThan(300); // tokens live server-side, not in it
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Strict/i);
    expect(line).toMatch(/; Path=\/(;|$)/);
    expect(line).not.toMatch(/; Domain=/i);
  });
});

describe('GET never changes state', () => {
  it('when /auth/logout is requested with GET, then it is not a logout and the session keeps working', async () => {
    const { cookie } = await login(bff, alice);
    const res = await fetch(`${bff.url}/auth/logout`, {
      headers: { Cookie: cookie },
      redirect: 'manual',
    });
    expect([404, 405]).toContain(res.status);
    // The rolling idle timeout may re-send the same cookie; it must not clear or replace it.
    for (const line of res.headers.getSetCookie()) expect(line.split(';')[0]).toBe(cookie);
    expect((await me(cookie)).status).toBe(200);
  });
});
