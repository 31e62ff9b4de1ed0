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
