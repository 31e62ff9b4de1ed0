import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { asRoot } from '@bdms/rucio-client/testing';
import { e2eEnv } from './env.ts';

const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });
const rootToken = async () => (await rucio.authUserpass(RUCIO_ROOT)).token;
const enc = encodeURIComponent;

/** Rucio answers unlimited as a bare Infinity, which JSON.parse refuses. */
const parse = (text: string): unknown => JSON.parse(text.replace(/\bInfinity\b/g, '"Infinity"'));

export const localLimitPath = (account: string, rse: string) =>
  `/accounts/${enc(account)}/limits/local/${enc(rse)}`;
export const globalLimitPath = (account: string, expression: string) =>
  `/accounts/${enc(account)}/limits/global/${enc(expression)}`;

/** An account's local limit on an RSE as the real Rucio holds it (asked directly, as root). */
export async function rucioLocalLimit(account: string, rse: string): Promise<unknown> {
  const body = parse(
    await asRoot(e2eEnv.rucioUrl, await rootToken(), localLimitPath(account, rse)),
  );
  return (body as Record<string, unknown>)[rse] ?? null;
}

/** An account's global limit on an expression as the real Rucio holds it (null: none). */
export async function rucioGlobalLimit(account: string, expression: string): Promise<unknown> {
  const text = await asRoot(
    e2eEnv.rucioUrl,
    await rootToken(),
    globalLimitPath(account, expression),
  );
  // Asked for one expression, Rucio answers {expr: bytes}, {expr: Infinity} or {expr: null}.
  const body = parse(text) as Record<string, unknown>;
  return body[expression] ?? null;
}

/** Puts a limit back as it was (null: removes it), straight in Rucio as root. */
export async function restoreLimit(path: string, value: unknown): Promise<void> {
  const token = await rootToken();
  if (value === null) {
    await asRoot(e2eEnv.rucioUrl, token, path, 'DELETE').catch(() => undefined);
    return;
  }
  const bytes = value === 'Infinity' ? -1 : value;
  await asRoot(e2eEnv.rucioUrl, token, path, 'POST', { bytes });
}
