import type { APIRequestContext } from '@playwright/test';
import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { e2eEnv } from './env.ts';

/** Asks the real Rucio server directly (as root), to compare what the portal shows with the truth. */
export async function rucioScopes(request: APIRequestContext): Promise<string[]> {
  const auth = await request.get(`${e2eEnv.rucioUrl}/auth/userpass`, {
    headers: {
      'X-Rucio-Username': RUCIO_ROOT.username,
      'X-Rucio-Password': RUCIO_ROOT.password,
      'X-Rucio-Account': RUCIO_ROOT.account,
    },
  });
  const token = auth.headers()['x-rucio-auth-token'];
  if (!auth.ok() || !token) throw new Error(`Rucio userpass login failed: ${auth.status()}`);
  const res = await request.get(`${e2eEnv.rucioUrl}/scopes/`, {
    headers: { 'X-Rucio-Auth-Token': token },
  });
  if (!res.ok()) throw new Error(`Rucio GET /scopes/ failed: ${res.status()}`);
  return ((await res.json()) as string[]).sort();
}
