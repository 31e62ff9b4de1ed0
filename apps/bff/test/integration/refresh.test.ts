import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionData } from 'express-session';
import { demoUser } from '@bdms/dev-fixtures';
import { login, startBff, storedSessions, type TestBff } from './bff.ts';

let bff: TestBff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(async () => {
  await bff.stop();
});

/** Moves the stored access-token expiry into the refresh window (the IdP's TTL is 1 h). */
async function expireSoon(sid: string): Promise<SessionData> {
  const session = (await storedSessions(bff))[sid];
  if (!session) throw new Error('no session');
  session.tokens.expiresAt = Date.now() + 10_000;
  await new Promise<void>((resolve, reject) => {
    bff.sessions.store.set(sid, session, (err) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve();
    });
  });
  return session;
}

describe('refresh against the real IdP', () => {
  it('when 8 calls arrive at expiry, then the IdP sees exactly one refresh, the rotated token is stored, and Rucio accepts the new token', async () => {
    const { cookie } = await login(bff, demoUser('astronomer'));
    const sid =
      decodeURIComponent(cookie.split('=')[1] ?? '')
        .slice(2)
        .split('.')[0] ?? '';
    const before = await expireSoon(sid);
    bff.tokenRequests.length = 0;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${bff.url}/api/scopes`, { headers: { Cookie: cookie } }),
      ),
    );
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(
      responses.map((r) => r.status),
      bodies.join('\n'),
    ).toEqual(Array(8).fill(200));
    expect(bff.tokenRequests).toEqual(['refresh_token']);
    const after = (await storedSessions(bff))[sid]?.tokens;
    expect(after?.refreshToken).toBeTruthy();
    expect(after?.refreshToken).not.toBe(before.tokens.refreshToken); // rotated, and stored
    expect(after?.accessToken).not.toBe(before.tokens.accessToken);
    expect((after?.expiresAt ?? 0) - Date.now()).toBeGreaterThan(60_000);
    // And the rotated refresh token works for the next refresh (the old one would revoke the grant).
    await expireSoon(sid);
    expect((await fetch(`${bff.url}/api/me`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect(bff.tokenRequests).toEqual(['refresh_token', 'refresh_token']);
  });
});
