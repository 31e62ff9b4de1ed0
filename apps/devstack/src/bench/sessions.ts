/**
 * Logs the demo astronomer in twice, without a browser: once through the portal (the BFF keeps the
 * token; we hold only its session cookie), once as the portal's OIDC client directly (code + PKCE),
 * to call Rucio straight with a token of the same user, client, audience and scopes.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  DEV_CLIENTS,
  DEV_STORAGE_AUDIENCE,
  RUCIO_AUDIENCE,
  demoUser,
  headlessLogin,
  type DemoUser,
} from '@bdms/dev-fixtures';

const user = demoUser('astronomer');

export async function portalSession(portalUrl: string, as: DemoUser = user): Promise<string> {
  const res = await headlessLogin({
    startUrl: `${portalUrl}/auth/login?returnTo=/`,
    username: as.username,
    password: as.password,
    stopAt: `${portalUrl}/auth/callback`,
    followToEnd: true,
  });
  const header = res.jar.header(portalUrl);
  if (!header.includes('bdms_session')) throw new Error('portal login gave no session cookie');
  return header;
}

const b64url = (b: Buffer): string => b.toString('base64url');

/**
 * `audience: null` asks for no audience (the IdP then issues IAM's catch-all one). IAM takes the
 * audience in `audience` or, as an RFC 8707 resource indicator (a URL), in `resource`.
 */
export async function directAccessToken(
  issuer: string,
  audience: string | null = RUCIO_AUDIENCE,
  parameter: 'audience' | 'resource' = 'audience',
): Promise<string> {
  return (await directTokens(issuer, audience, parameter)).accessToken;
}

export async function directTokens(
  issuer: string,
  audience: string | null = RUCIO_AUDIENCE,
  parameter: 'audience' | 'resource' = 'audience',
  scope = 'openid profile email offline_access wlcg.groups',
): Promise<{ accessToken: string; idToken: string; refreshToken: string | undefined }> {
  const discovery = (await (await fetch(`${issuer}.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  // Any loopback /auth/callback is a registered redirect URI of the portal client (RFC 8252 §7.3).
  const redirectUri = 'http://127.0.0.1:9/auth/callback';
  const verifier = b64url(randomBytes(32));
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: DEV_CLIENTS.portal.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    ...(audience === null ? {} : { [parameter]: audience }),
    state: b64url(randomBytes(16)),
    nonce: b64url(randomBytes(16)),
    code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  const login = await headlessLogin({
    startUrl: authorize.toString(),
    username: user.username,
    password: user.password,
    stopAt: redirectUri,
  });
  const code = new URL(login.url).searchParams.get('code');
  if (!code) throw new Error(`no code in ${login.url}`);
  const basic = Buffer.from(
    `${DEV_CLIENTS.portal.clientId}:${DEV_CLIENTS.portal.clientSecret}`,
  ).toString('base64');
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  const body = (await res.json()) as {
    access_token?: string;
    id_token?: string;
    refresh_token?: string;
    error?: string;
  };
  if (!body.access_token || !body.id_token)
    throw new Error(`token endpoint: ${body.error ?? res.status}`);
  return {
    accessToken: body.access_token,
    idToken: body.id_token,
    refreshToken: body.refresh_token,
  };
}

/**
 * A storage token of the demo astronomer as the BFF gets one (AUTH.md): a login granting
 * `storage.read:/`, then a refresh narrowed to the storage's audience and `storage.read:<prefix>`.
 */
export async function directStorageToken(issuer: string, prefix = '/ctao'): Promise<string> {
  const login = await directTokens(
    issuer,
    RUCIO_AUDIENCE,
    'audience',
    'openid profile email offline_access wlcg.groups storage.read:/',
  );
  const { clientId, clientSecret } = DEV_CLIENTS.portal;
  const res = await fetch(`${issuer}token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: login.refreshToken ?? '',
      audience: DEV_STORAGE_AUDIENCE,
      scope: `storage.read:${prefix}`,
    }),
  });
  const body = (await res.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`storage token: ${body.error ?? res.status}`);
  return body.access_token;
}
