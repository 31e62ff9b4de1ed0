/**
 * A sign-in split into the browser's legs, so a test can change what travels between them:
 * GET /auth/login at the BFF, the IdP's own pages, then the IdP's redirect back to the callback.
 * Only the HTTP surface is used: whatever cookies /auth/login sets are sent back as they came.
 */
import { headlessLogin, type DemoUser } from '@bdms/dev-fixtures';

/** The part of a fetch Response used here (Node's fetch and undici's both fit). */
interface ManualResponse {
  status: number;
  headers: { get(name: string): string | null; getSetCookie(): string[] };
  text(): Promise<string>;
}
export type ManualFetch = (
  url: string,
  init: { redirect: 'manual'; headers: Record<string, string> },
) => Promise<ManualResponse>;

const nodeFetch: ManualFetch = (url, init) => fetch(url, init);

/** `name=value` pairs of Set-Cookie lines, ready for a Cookie header. */
export const cookieHeader = (setCookies: readonly string[]): string =>
  setCookies.map((line) => line.split(';')[0] ?? '').join('; ');

export interface BrowserLoginStart {
  /** Where the BFF sends the browser: the IdP's authorization endpoint with its parameters. */
  authorizeUrl: URL;
  /** The Set-Cookie lines of /auth/login (the login transaction, however the BFF keeps it). */
  setCookies: string[];
  cookie: string;
}

export async function beginLogin(
  bffUrl: string,
  send: ManualFetch = nodeFetch,
): Promise<BrowserLoginStart> {
  const res = await send(`${bffUrl}/auth/login?returnTo=%2F`, { redirect: 'manual', headers: {} });
  await res.text();
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`/auth/login answered ${res.status}`);
  const setCookies = res.headers.getSetCookie();
  return { authorizeUrl: new URL(location), setCookies, cookie: cookieHeader(setCookies) };
}

/**
 * The user signs in on the IdP's pages of `authorizeUrl` (whichever IdP it points to); returns the
 * URL the IdP redirects back to: the request's redirect_uri with code, state and iss.
 */
export async function signInAtIdp(authorizeUrl: URL, user: DemoUser): Promise<URL> {
  const redirectUri = authorizeUrl.searchParams.get('redirect_uri');
  if (!redirectUri) throw new Error('authorize URL without redirect_uri');
  const result = await headlessLogin({
    startUrl: authorizeUrl.href,
    username: user.username,
    password: user.password,
    stopAt: redirectUri,
  });
  return new URL(result.url);
}
