import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '@bdms/dev-fixtures';
import { login, sessionId, startBff, storedSessions, type TestBff } from './bff.ts';

let bff: TestBff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(async () => {
  await bff.stop();
});

const choose = (cookie: string, account: string) =>
  fetch(`${bff.url}/api/me/account`, {
    method: 'PUT',
    headers: { Cookie: cookie, 'X-CSRF': '1', Origin: bff.url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ account }),
  });

describe('account switching against the real Rucio', () => {
  const alice = demoUser('astronomer');

  it('when the astronomer asks, then Rucio lists both accounts her identity maps to', async () => {
    const { cookie } = await login(bff, alice);
    const res = await fetch(`${bff.url}/api/me/accounts`, { headers: { Cookie: cookie } });
    expect(await res.json()).toEqual({
      accounts: [alice.rucioAccount, ...alice.extraAccounts].sort(),
      active: alice.rucioAccount,
    });
  });

  it('when she picks an account of someone else, then 403; her own default, then 200', async () => {
    const { cookie } = await login(bff, alice);
    expect((await choose(cookie, 'ctaoadmin')).status).toBe(403);
    expect((await choose(cookie, alice.rucioAccount)).status).toBe(200);
  });

  it('when she keeps her default account, then the session holds it and Rucio 41 still answers with it sent as X-Rucio-Account', async () => {
    const { cookie } = await login(bff, alice);
    expect((await choose(cookie, alice.rucioAccount)).status).toBe(200);
    expect((await storedSessions(bff))[sessionId(cookie)]?.account).toBe(alice.rucioAccount);
    const scopes = await fetch(`${bff.url}/api/scopes`, { headers: { Cookie: cookie } });
    expect(scopes.status).toBe(200);
    const me = await fetch(`${bff.url}/api/me`, { headers: { Cookie: cookie } });
    expect(((await me.json()) as { account: string }).account).toBe(alice.rucioAccount);
  });

  it('when she picks her other account, then Rucio 41 keeps acting as her default and the portal says so (rucio/rucio#8380)', async () => {
    const { cookie } = await login(bff, alice);
    const res = await choose(cookie, 'lst-analysis');
    // If this starts answering 200, Rucio honours X-Rucio-Account for tokens: keep the choice.
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rucio_refused');
    expect(body.error.message).toContain(`default account "${alice.rucioAccount}"`);
  });
});
