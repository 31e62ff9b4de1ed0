import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { decodeJwt } from 'jose';
import { demoUser } from '@bdms/dev-fixtures';
import { startIdp, type RunningIdp } from './start-idp.ts';
import { discover, loginAs } from './oidc-client.ts';

let idp: RunningIdp;
let config: client.Configuration;

beforeAll(async () => {
  idp = await startIdp({ accessTokenTtl: 5 });
  config = await discover(idp.issuer);
});
afterAll(async () => {
  await idp.close();
});

const errorOf = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('refresh tokens', () => {
  it('are issued for offline_access without the client sending prompt=consent', async () => {
    const tokens = await loginAs(config, demoUser('astronomer'));
    expect(tokens.refresh_token).toBeTruthy();
    // expiresIn() counts from now: a second may have ticked since the token endpoint answered.
    expect(tokens.expiresIn()).toBeGreaterThanOrEqual(4);
    expect(tokens.expiresIn()).toBeLessThanOrEqual(5);
  });

  it('rotate on every refresh and keep the audience', async () => {
    const tokens = await loginAs(config, demoUser('astronomer'));
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(decodeJwt(refreshed.access_token)).toMatchObject({ aud: 'rucio', 'wlcg.ver': '1.0' });
  });

  it('reusing a rotated refresh token fails with invalid_grant and kills the whole grant', async () => {
    const tokens = await loginAs(config, demoUser('astronomer'));
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);

    const reuse = await errorOf(client.refreshTokenGrant(config, tokens.refresh_token!));
    expect(reuse).toMatchObject({ error: 'invalid_grant' });

    const successor = await errorOf(client.refreshTokenGrant(config, refreshed.refresh_token!));
    expect(successor).toMatchObject({ error: 'invalid_grant' });
  });

  it('are not issued without offline_access', async () => {
    const tokens = await loginAs(config, demoUser('astronomer'), {
      scope: 'openid profile wlcg.groups',
    });
    expect(tokens.refresh_token).toBeUndefined();
  });
});

describe('revocation and introspection', () => {
  it('introspection says active:true, then active:false after revocation', async () => {
    const tokens = await loginAs(config, demoUser('admin'));
    const rt = tokens.refresh_token!;
    const before = await client.tokenIntrospection(config, rt);
    expect(before).toMatchObject({
      active: true,
      client_id: 'bdms-portal',
      sub: demoUser('admin').sub,
    });

    await client.tokenRevocation(config, rt);
    const after = await client.tokenIntrospection(config, rt);
    expect(after.active).toBe(false);
    expect(await errorOf(client.refreshTokenGrant(config, rt))).toMatchObject({
      error: 'invalid_grant',
    });
  });
});
