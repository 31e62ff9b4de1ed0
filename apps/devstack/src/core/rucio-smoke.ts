/**
 * Direct checks against the real Rucio server as root (userpass), used by core-up's callers and
 * the integration tests: through @bdms/rucio-client where it has the endpoint, and `rucioCall` for
 * the raw status and body of the others (scopes and DIDs created, identities, attributes, search).
 */
import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';

/** Root's Rucio token (GET /auth/userpass). */
export async function userpassToken(baseUrl: string): Promise<string> {
  const rucio = createRucioClient({ baseUrl, userAgent: 'bdms-devstack' });
  return (await rucio.authUserpass(RUCIO_ROOT)).token;
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
