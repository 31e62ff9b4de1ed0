/** openid-client v6 helpers for the tests: discovery, an authorize URL, and a full headless login. */
import * as client from 'openid-client';
import { DEV_CLIENTS, headlessLogin, type DemoUser } from '@bdms/dev-fixtures';

export const CALLBACK = 'http://127.0.0.1:38080/auth/callback';

export async function discover(
  issuer: string,
  who: keyof typeof DEV_CLIENTS = 'portal',
): Promise<client.Configuration> {
  const { clientId, clientSecret } = DEV_CLIENTS[who];
  return client.discovery(
    new URL(issuer),
    clientId,
    clientSecret,
    client.ClientSecretBasic(clientSecret),
    {
      // The dev issuer is plain http on loopback; openid-client marks this @deprecated only as a warning sign.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      execute: [client.allowInsecureRequests],
    },
  );
}

export interface LoginOptions {
  scope?: string;
  /** null: send no audience parameter at all. */
  audience?: string | null;
  redirectUri?: string;
}

export const FULL_SCOPE = 'openid profile email offline_access wlcg.groups';

/** Code + PKCE + state + nonce through the real login page; returns the token response. */
export async function loginAs(
  config: client.Configuration,
  user: DemoUser,
  options: LoginOptions = {},
) {
  const { scope = FULL_SCOPE, audience = 'rucio', redirectUri = CALLBACK } = options;
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...(audience ? { audience } : {}),
  });
  const landed = await headlessLogin({
    startUrl: url.href,
    username: user.username,
    password: user.password,
    stopAt: redirectUri,
  });
  return client.authorizationCodeGrant(config, new URL(landed.url), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
}
