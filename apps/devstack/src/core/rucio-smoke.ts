/**
 * Direct checks against the real Rucio server as root (userpass), used by core-up's callers and
 * the integration tests. The portal itself talks to Rucio through @bdms/rucio-client.
 */
import { RUCIO_ROOT } from '@bdms/dev-fixtures';

/** GET /auth/userpass; the token is in the X-Rucio-Auth-Token response header. */
export async function userpassToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/auth/userpass`, {
    headers: {
      'X-Rucio-Username': RUCIO_ROOT.username,
      'X-Rucio-Password': RUCIO_ROOT.password,
      'X-Rucio-Account': RUCIO_ROOT.account,
    },
  });
  const token = res.headers.get('x-rucio-auth-token');
  if (!res.ok || !token)
    throw new Error(`userpass login failed: HTTP ${res.status} ${await res.text()}`);
  return token;
}

export interface RucioCall {
  status: number;
  text: string;
}

export async function rucioCall(
  baseUrl: string,
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<RucioCall> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'X-Rucio-Auth-Token': token, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, text: await res.text() };
}

/** application/x-json-stream: one JSON value per line. */
export const parseStream = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
