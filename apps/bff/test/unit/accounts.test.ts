import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { login, makeApp, stubRucio } from './helpers.ts';

const put = (app: Parameters<typeof request>[0], cookie: string, body: unknown) =>
  request(app)
    .put('/api/me/account')
    .set('X-CSRF', '1')
    .set('Origin', 'http://localhost:8080')
    .set('Cookie', cookie)
    .send(body as object);

describe('the identity’s Rucio accounts', () => {
  it('when asked, then every account the identity maps to is listed, with the one Rucio acts as', async () => {
    const identities: string[] = [];
    const rucio = stubRucio({
      listIdentityAccounts: ({ identity }) => {
        identities.push(identity);
        return Promise.resolve(['lst-analysis', 'alice']);
      },
    });
    const t = makeApp({ rucio });
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/me/accounts').set('Cookie', sessionCookie);
    expect(res.body).toEqual({ accounts: ['alice', 'lst-analysis'], active: 'alice' });
    expect(identities).toEqual(['SUB=b3a1c8e2-5f0d-4c4e-9a51-2f7d3c8e1a01, ISS=http://idp.test/']);
  });

  it('when the chosen account is not mapped to the identity, then 403 naming the user’s accounts', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await put(t.app, sessionCookie, { account: 'root' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('alice, lst-analysis');
  });

  it('when Rucio keeps acting as the default account, then 409 says so instead of pretending', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await put(t.app, sessionCookie, { account: 'lst-analysis' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'rucio_refused' });
    expect(res.body.error.message).toMatch(/does not switch to "lst-analysis"/);
  });

  it('when the body is not an account name, then 400 naming the field', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await put(t.app, sessionCookie, { account: 'Not An Account!' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/body\.account/);
  });
});

describe('the chosen account on every Rucio call', () => {
  /** A Rucio that honours X-Rucio-Account for tokens (as Rucio 41 does not), recording it. */
  function honouringRucio() {
    const seen: Record<string, (string | undefined)[]> = {
      whoami: [],
      listScopes: [],
      listContents: [],
    };
    return {
      seen,
      stub: stubRucio({
        whoami: ({ account }) => {
          seen.whoami?.push(account);
          return Promise.resolve(account ?? 'alice');
        },
        listScopes: ({ account }) => {
          seen.listScopes?.push(account);
          return Promise.resolve(['user.alice']);
        },
        listContents: ({ account }) => {
          seen.listContents?.push(account);
          return (async function* () {})();
        },
      }),
    };
  }

  it('when Rucio honours the choice, then it is kept in the session and sent on every later call', async () => {
    const { seen, stub } = honouringRucio();
    const t = makeApp({ rucio: stub });
    const { sessionCookie } = await login(t);
    const res = await put(t.app, sessionCookie, { account: 'lst-analysis' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accounts: ['alice', 'lst-analysis'], active: 'lst-analysis' });

    const me = await request(t.app).get('/api/me').set('Cookie', sessionCookie);
    expect(me.body.account).toBe('lst-analysis');
    await request(t.app).get('/api/scopes').set('Cookie', sessionCookie).expect(200);
    await request(t.app).get('/api/dids/lst/%2Flst%2Fds/contents').set('Cookie', sessionCookie);
    expect(seen.listScopes).toEqual(['lst-analysis']);
    expect(seen.listContents).toEqual(['lst-analysis']);
    // Before the choice: none; the check itself; then GET /api/me with the session's choice.
    expect(seen.whoami).toEqual([undefined, 'lst-analysis', 'lst-analysis']);
  });

  it('when the default account is chosen, then it is kept and sent too', async () => {
    const { seen, stub } = honouringRucio();
    const t = makeApp({ rucio: stub });
    const { sessionCookie } = await login(t);
    expect((await put(t.app, sessionCookie, { account: 'alice' })).status).toBe(200);
    await request(t.app).get('/api/scopes').set('Cookie', sessionCookie).expect(200);
    expect(seen.listScopes).toEqual(['alice']);
  });

  it('when Rucio refuses the choice (409), then the session keeps acting as before', async () => {
    const accounts: (string | undefined)[] = [];
    const t = makeApp({
      rucio: stubRucio({
        listScopes: ({ account }) => {
          accounts.push(account);
          return Promise.resolve(['user.alice']);
        },
      }),
    });
    const { sessionCookie } = await login(t);
    expect((await put(t.app, sessionCookie, { account: 'lst-analysis' })).status).toBe(409);
    expect((await put(t.app, sessionCookie, { account: 'root' })).status).toBe(403);
    await request(t.app).get('/api/scopes').set('Cookie', sessionCookie).expect(200);
    expect(accounts).toEqual([undefined]);
  });

  it('when a session chose an account, then another session of the same user does not act as it', async () => {
    const t = makeApp({ rucio: honouringRucio().stub });
    const first = await login(t);
    const second = await login(t);
    await put(t.app, first.sessionCookie, { account: 'lst-analysis' }).expect(200);
    // Both answers are cached per user: the cache must tell the two sessions' accounts apart.
    const [mine, theirs] = await Promise.all(
      [first, second].map((s) => request(t.app).get('/api/me').set('Cookie', s.sessionCookie)),
    );
    expect([mine?.body.account, theirs?.body.account]).toEqual(['lst-analysis', 'alice']);
  });
});
