/**
 * Records the REAL devstack Rucio's answers to a metadata search and to bulk metadata into
 * test/fixtures/recorded/search-*.json (replayed by test/did-search.test.ts and the BFF's unit
 * tests). Run with the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-search-fixtures.ts
 * Kept apart from record-fixtures.ts so re-recording the search does not touch the DID page's
 * recordings. The root token is replaced by "<token>".
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEV_HOST, DEV_PORTS, RUCIO_ROOT } from '@bdms/dev-fixtures';
import type { Recording } from '../test/replay.ts';

const base = (process.env.RUCIO_URL ?? `http://${DEV_HOST}:${DEV_PORTS.rucio}`).replace(/\/$/, '');
const outDir = path.join(import.meta.dirname, '../test/fixtures/recorded');
const STREAM = 'application/x-json-stream';
const KEPT = ['content-type', 'exceptionclass', 'exceptionmessage'];

async function record(name: string, p: string, token: string, body?: unknown): Promise<Recording> {
  const res = await fetch(base + p, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Accept: STREAM,
      'X-Rucio-Auth-Token': token,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const headers: Record<string, string> = {};
  for (const h of KEPT) {
    const v = res.headers.get(h);
    if (v !== null) headers[h] = v.split(token).join('<token>');
  }
  const rec: Recording = {
    request: { method: body === undefined ? 'GET' : 'POST', path: p, accept: STREAM },
    response: {
      status: res.status,
      headers,
      body: (await res.text()).split(token).join('<token>'),
    },
  };
  await writeFile(path.join(outDir, `${name}.json`), JSON.stringify(rec, null, 2) + '\n');
  process.stdout.write(`${name}: ${p} → ${res.status}\n`);
  return rec;
}

const search = (scope: string, params: Record<string, string>): string =>
  `/dids/${encodeURIComponent(scope)}/dids/search?${new URLSearchParams(params).toString()}`;

async function main(): Promise<void> {
  const login = await fetch(`${base}/auth/userpass`, {
    headers: { 'X-Rucio-Username': RUCIO_ROOT.username, 'X-Rucio-Password': RUCIO_ROOT.password },
  });
  const token = login.headers.get('x-rucio-auth-token');
  if (!token) throw new Error(`userpass login failed: ${login.status}`);
  // The Crab's pointings on one night: a JSON-plugin filter with numbers, as the BFF sends it.
  const filters =
    "[{'target_name': 'Crab', 'observing_night': '2025-02-03', 'obs_id.lte': 2000000002}]";
  const names = await record(
    'search-names',
    search('acada', { type: 'file', long: 'false', limit: '6', filters }),
    token,
  );
  await record(
    'search-long',
    search('acada', { type: 'file', long: 'true', limit: '3', filters }),
    token,
  );
  // A DID column and a JSON key in one search: Rucio 41 answers 500 InvalidMetadata (rucio#8538).
  await record(
    'search-plugin-mix',
    search('acada', { type: 'all', long: 'false', filters: "[{'length.gt': 1, 'site': 'x'}]" }),
    token,
  );
  await record(
    'search-unknown-scope',
    search('no-such-scope', { type: 'all', long: 'false', filters: '[{}]' }),
    token,
  );
  const found = names.response.body
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => ({ scope: 'acada', name: JSON.parse(l) as string }));
  const dataset = found[0]?.name.replace(/\/[^/]+$/, '');
  if (!dataset) throw new Error('the search found nothing: seed the devstack first');
  await record('search-bulkmeta-all', '/dids/bulkmeta', token, {
    dids: [...found, { scope: 'acada', name: dataset }, { scope: 'acada', name: '/ctao/nope' }],
    inherit: false,
    plugin: 'ALL',
  });
}

await main();
