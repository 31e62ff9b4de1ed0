import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '@bdms/dev-fixtures';
import { login, startBff, type TestBff } from './bff.ts';

const alice = demoUser('astronomer');
let bff: TestBff;

beforeAll(async () => {
  bff = await startBff();
});
afterAll(async () => {
  await bff.stop();
});

describe('audit trail with the real IdP and PostgreSQL', () => {
  it('when alice signs in through the IdP and signs out, then both are in the audit table', async () => {
    const { cookie, callback } = await login(bff, alice);
    const signedIn = await bff.audit.list({ actorSub: alice.sub }, { limit: 10 });
    expect(signedIn.entries).toEqual([
      expect.objectContaining({
        action: 'sign_in',
        result: 'ok',
        actor: expect.objectContaining({ sub: alice.sub, username: alice.username }) as unknown,
        requestId: callback.headers.get('x-request-id'),
      }),
    ]);

    const out = await fetch(`${bff.url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF': '1', Origin: bff.url },
    });
    expect(out.status).toBe(200);
    const { entries } = await bff.audit.list({ actorSub: alice.sub }, { limit: 10 });
    expect(entries.map((e) => e.action)).toEqual(['sign_out', 'sign_in']);
    expect(entries[0]?.requestId).toBe(out.headers.get('x-request-id'));
    expect(entries[0]!.at.getTime()).toBeGreaterThanOrEqual(entries[1]!.at.getTime());
  });
});
