/**
 * A user's access token the way a user gets one for command-line tools: the public
 * DEV_CLI_CLIENT signs in at the dev IdP (code + PKCE, loopback redirect, like oidc-agent's code
 * flow; here the sign-in page is filled without a browser) and trades the code at the token
 * endpoint. IAM's `audience` parameter is a space-separated list: `rucio <storage audience>`
 * gives a token that Rucio and the storage both accept. Dev and test use only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { headlessLogin } from './headless-login.ts';
import type { DemoUser } from './index.ts';

/**
 * A user's own command-line client, as IAM users register one (oidc-agent, or a client of their
 * own): public (no secret), code + PKCE with a loopback redirect on any port (RFC 8252 §7.3).
 * How a user gets a token for `rucio` commands (cliToken below).
 */
export const DEV_CLI_CLIENT = {
  clientId: 'bdms-cli',
  redirectUri: 'http://127.0.0.1/callback',
} as const;

export interface CliTokenOptions {
  /** The issuer, with its trailing slash. */
  issuer: string;
  user: Pick<DemoUser, 'username' | 'password'>;
  /** Space-separated audiences (IAM's `audience` parameter). */
  audience: string;
  scope: string;
}

export interface CliTokens {
  accessToken: string;
  refreshToken: string | undefined;
}

const b64url = (b: Buffer): string => b.toString('base64url');

export async function cliToken(o: CliTokenOptions): Promise<CliTokens> {
  const discovery = (await (await fetch(`${o.issuer}.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  // Any port of the registered loopback URI (nothing listens there: the login stops at it).
  const redirect = new URL(DEV_CLI_CLIENT.redirectUri);
  redirect.port = String(49152 + (randomBytes(2).readUInt16BE() % 16384));
  const redirectUri = redirect.href;
  const verifier = b64url(randomBytes(32));
  const state = b64url(randomBytes(16));
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: DEV_CLI_CLIENT.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: o.scope,
    audience: o.audience,
    state,
    code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  const login = await headlessLogin({
    startUrl: authorize.href,
    username: o.user.username,
    password: o.user.password,
    stopAt: redirectUri,
  });
  const landed = new URL(login.url).searchParams;
  const code = landed.get('code');
  if (!code || landed.get('state') !== state) throw new Error(`no code in ${login.url}`);
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: DEV_CLI_CLIENT.clientId,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  const body = (await res.json()) as {
    access_token?: string;
    refresh_token?: string;
    error?: string;
  };
  if (!body.access_token) throw new Error(`token endpoint: ${body.error ?? res.status}`);
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}
