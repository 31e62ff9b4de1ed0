/**
 * Records raw responses of the REAL devstack Rucio into test/fixtures/recorded/*.json, which the
 * unit tests replay through a fake fetch. Run with the devstack up:
 *   pnpm --filter @bdms/rucio-client record-fixtures      (RUCIO_URL overrides the default)
 * Tokens are replaced by "<token>" before writing; nothing else is edited.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEV_HOST, DEV_PORTS, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { didPath } from '../src/did-path.ts';
import { recordDidPage } from './record-did-page.ts';

const base = (process.env.RUCIO_URL ?? `http://${DEV_HOST}:${DEV_PORTS.rucio}`).replace(/\/$/, '');
const outDir = path.join(import.meta.dirname, '../test/fixtures/recorded');
const KEPT_HEADERS = [
  'content-type',
  'location',
  'exceptionclass',
  'exceptionmessage',
  'x-rucio-auth-account',
  'x-rucio-auth-token',
  'x-rucio-auth-token-expires',
];
let rootToken = '';

export interface Recording {
  request: { method: string; path: string; accept: string | null };
  response: { status: number; headers: Record<string, string>; body: string };
}

const scrub = (s: string): string => (rootToken ? s.split(rootToken).join('<token>') : s);

async function record(
  name: string,
  p: string,
  init: {
    token?: string;
    accept?: string;
    headers?: Record<string, string>;
    method?: string;
    body?: unknown;
  } = {},
): Promise<Recording> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.accept) headers.Accept = init.accept;
  if (init.token) headers['X-Rucio-Auth-Token'] = init.token;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(base + p, {
    method: init.method ?? 'GET',
    headers,
    redirect: 'manual',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const kept: Record<string, string> = {};
  for (const h of KEPT_HEADERS) {
    const v = res.headers.get(h);
    // Every userpass login mints a new token: never write any of them to disk.
    if (v !== null) kept[h] = h === 'x-rucio-auth-token' ? '<token>' : scrub(v);
  }
  const rec: Recording = {
    request: { method: init.method ?? 'GET', path: p, accept: init.accept ?? null },
    response: { status: res.status, headers: kept, body: scrub(await res.text()) },
  };
  await writeFile(path.join(outDir, `${name}.json`), JSON.stringify(rec, null, 2) + '\n');
  process.stdout.write(`${name}: ${p} → ${res.status}\n`);
  return rec;
}

async function firstDataset(token: string): Promise<{ scope: string; name: string }> {
  const scopes = JSON.parse(
    (await record('scopes', '/scopes/', { token, accept: 'application/json' })).response.body,
  ) as string[];
  for (const scope of scopes) {
    const res = await fetch(
      `${base}/dids/${encodeURIComponent(scope)}/dids/search?type=dataset&long=false&limit=5`,
      {
        headers: { 'X-Rucio-Auth-Token': token, Accept: 'application/x-json-stream' },
      },
    );
    const line = (await res.text()).split('\n').find((l) => l.trim());
    if (res.ok && line) return { scope, name: JSON.parse(line) as string };
  }
  throw new Error('no dataset in any scope: seed the devstack first');
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await record('ping', '/ping');
  // Log in first (unrecorded) so the token is known and scrubbed from every recording below.
  const res = await fetch(`${base}/auth/userpass`, {
    headers: { 'X-Rucio-Username': RUCIO_ROOT.username, 'X-Rucio-Password': RUCIO_ROOT.password },
  });
  const token = res.headers.get('x-rucio-auth-token');
  if (!token) throw new Error(`userpass login failed: ${res.status}`);
  rootToken = token;
  await record('auth-userpass', '/auth/userpass', {
    accept: 'application/octet-stream',
    headers: { 'X-Rucio-Username': RUCIO_ROOT.username, 'X-Rucio-Password': RUCIO_ROOT.password },
  });
  await record('auth-userpass-wrong-password', '/auth/userpass', {
    headers: { 'X-Rucio-Username': RUCIO_ROOT.username, 'X-Rucio-Password': 'wrong' },
  });
  await record('scopes-bad-token', '/scopes/', {
    token: 'not-a-valid-token',
    accept: 'application/json',
  });
  await record('scopes-no-token', '/scopes/', { accept: 'application/json' });
  await record('whoami', '/accounts/whoami', { token, accept: 'application/json' });
  await record('account-root', '/accounts/root', { token, accept: 'application/json' });
  await record('account-usage-alice', '/accounts/alice/usage/local', {
    token,
    accept: 'application/x-json-stream',
  });
  const ds = await firstDataset(token);
  // The DID path encodings, to show which one this server (gunicorn) understands.
  await record('list-dids-raw-slashes', `/dids/${ds.scope}/${ds.name.replace(/^\//, '')}/dids`, {
    token,
    accept: 'application/x-json-stream',
  });
  await record('list-dids-not-found', `${didPath(ds.scope, `${ds.name}-does-not-exist`)}/dids`, {
    token,
    accept: 'application/x-json-stream',
  });
  const more = await recordDidPage(record, base, token, ds);
  await writeFile(
    path.join(outDir, 'meta.json'),
    JSON.stringify({ rucioUrl: base, dataset: ds, ...more }, null, 2) + '\n',
  );
}

await main();
