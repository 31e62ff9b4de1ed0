import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '@bdms/dev-fixtures';
import { ApiErrorBody } from '@bdms/contract';
import { login, sessionId, setExpiresAt, startBff, type TestBff } from './bff.ts';

let bff: TestBff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(async () => {
  await bff.stop();
});

const scopes = (cookie: string): Promise<Response> =>
  fetch(`${bff.url}/api/scopes`, { headers: { Cookie: cookie } });

describe('the IdP goes down (its connections are refused) while a user is signed in', () => {
  it('when the access token is still valid, then API calls keep working, even inside the refresh margin', async () => {
    const { cookie } = await login(bff, demoUser('astronomer'));
    bff.idpDown = true;
    try {
      expect((await scopes(cookie)).status).toBe(200);
      bff.tokenRequests.length = 0;
      await setExpiresAt(bff, sessionId(cookie), Date.now() + 10_000);
      expect((await scopes(cookie)).status).toBe(200);
      expect(bff.tokenRequests).toEqual(['refresh_token']); // it tried, failed, used the old one
    } finally {
      bff.idpDown = false;
    }
  });

  it('when the token has expired and must be refreshed, then 503 idp_unavailable, and the session survives the outage', async () => {
    const { cookie } = await login(bff, demoUser('astronomer'));
    await setExpiresAt(bff, sessionId(cookie), Date.now() - 1_000);
    bff.idpDown = true;
    let res: Response;
    try {
      res = await scopes(cookie);
    } finally {
      bff.idpDown = false;
    }
    expect(res.status).toBe(503);
    expect(ApiErrorBody.parse(await res.json()).error.code).toBe('idp_unavailable');
    expect(res.headers.getSetCookie().some((c) => /bdms_session=;/.test(c))).toBe(false);
    // The IdP is back: the same cookie refreshes and works again.
    expect((await scopes(cookie)).status).toBe(200);
  });
});
