import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '@bdms/dev-fixtures';
import { ApiErrorBody } from '@bdms/contract';
import { login, sessionId, startBff, storedSessions, type TestBff } from './bff.ts';
import { startSecondIdp, type SecondIdp } from './second-idp.ts';

const nora = demoUser('unmapped');
let idp: SecondIdp;
let bff: TestBff;

// nora is only in this checkout's fixtures; a second dev IdP serves them without touching 4400.
beforeAll(async () => {
  idp = await startSecondIdp();
  bff = await startBff(idp.issuer);
}, 30_000);
afterAll(async () => {
  await bff.stop();
  await idp.stop();
});

describe('a user the IdP knows but Rucio does not', () => {
  it('when nora signs in, then /api/me and /api/scopes answer 401 rucio_rejected_token naming her SUB and issuer, without a token', async () => {
    expect(nora.rucioAccount).toBeNull();
    const { cookie } = await login(bff, nora);
    const tokens = (await storedSessions(bff))[sessionId(cookie)]?.tokens;
    expect(tokens?.accessToken).toBeTruthy();
    for (const path of ['/api/me', '/api/scopes']) {
      const res = await fetch(bff.url + path, { headers: { Cookie: cookie } });
      const text = await res.text();
      expect(res.status, text).toBe(401);
      const { error } = ApiErrorBody.parse(JSON.parse(text));
      expect(error.code).toBe('rucio_rejected_token');
      expect(error.message).toContain(`SUB=${nora.sub}`);
      expect(error.message).toContain(idp.issuer);
      for (const secret of [tokens?.accessToken, tokens?.refreshToken, tokens?.idToken])
        expect(text).not.toContain(secret);
    }
  });
});
