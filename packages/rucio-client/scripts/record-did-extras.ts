/**
 * Records the REAL devstack Rucio's answers behind the DID page's file rules, container replica
 * summary (bulk and per dataset) and child counts into test/fixtures/recorded/*.json (replayed by test/did-extras.test.ts
 * and the BFF's unit tests), about the DIDs of meta.json (written by record-fixtures.ts). Run with
 * the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-did-extras.ts
 * Kept apart from record-fixtures.ts so the other recordings stay as they are. The root token is
 * replaced by "<token>".
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEV_HOST, DEV_PORTS, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { didPath, scopedPath } from '../src/did-path.ts';
import { recordedMeta, type Recording } from '../test/replay.ts';

const base = (process.env.RUCIO_URL ?? `http://${DEV_HOST}:${DEV_PORTS.rucio}`).replace(/\/$/, '');
const outDir = path.join(import.meta.dirname, '../test/fixtures/recorded');
const STREAM = 'application/x-json-stream';
const KEPT = ['content-type', 'exceptionclass', 'exceptionmessage'];

async function record(name: string, p: string, token: string, body?: unknown): Promise<Recording> {
  const method = body === undefined ? 'GET' : 'POST';
  const res = await fetch(base + p, {
    method,
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
    request: { method, path: p, accept: STREAM },
    response: {
      status: res.status,
      headers,
      body: (await res.text()).split(token).join('<token>'),
    },
  };
  await writeFile(path.join(outDir, `${name}.json`), JSON.stringify(rec, null, 2) + '\n');
  process.stdout.write(`${name}: ${method} ${p} → ${res.status}\n`);
  return rec;
}

const lines = (rec: Recording): { scope: string; name: string; type: string }[] =>
  rec.response.body
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { scope: string; name: string; type: string });

async function main(): Promise<void> {
  const login = await fetch(`${base}/auth/userpass`, {
    headers: { 'X-Rucio-Username': RUCIO_ROOT.username, 'X-Rucio-Password': RUCIO_ROOT.password },
  });
  const token = login.headers.get('x-rucio-auth-token');
  if (!token) throw new Error(`userpass login failed: ${login.status}`);
  const { dataset, file, container, partialFile } = recordedMeta();
  const rules = (did: { scope: string; name: string }) =>
    `${didPath(did.scope, did.name)}/associated_rules`;
  await record('did-associated-rules-file', rules(file), token);
  await record('did-associated-rules-partial-file', rules(partialFile), token);
  await record('did-associated-rules-dataset', rules(dataset), token);
  await record(
    'did-associated-rules-not-found',
    rules({ ...file, name: `${file.name}-nope` }),
    token,
  );
  await record(
    'did-rules-partial-file',
    `${didPath(partialFile.scope, partialFile.name)}/rules`,
    token,
  );
  // The container's datasets, then Rucio's dataset replicas and DID columns of them in one call each.
  const children = lines(
    await record('list-dids-container', `${didPath(container.scope, container.name)}/dids`, token),
  ).map(({ scope, name }) => ({ scope, name }));
  if (children.length === 0 || children.length > 1000)
    throw new Error('container: 1 to 1000 children');
  await record('dataset-replicas-bulk-container', '/replicas/datasets_bulk', token, {
    dids: children,
  });
  // Each of them counted now, as the BFF does for a container of few datasets.
  for (const [i, ds] of children.entries())
    await record(
      `dataset-replicas-container-${i}-deep`,
      `${scopedPath('replicas', ds.scope, ds.name)}/datasets?deep=true`,
      token,
    );
  await record('dataset-replicas-bulk-unknown', '/replicas/datasets_bulk', token, {
    dids: [{ scope: dataset.scope, name: `${dataset.name}-nope` }],
  });
  await record('dataset-replicas-bulk-empty', '/replicas/datasets_bulk', token, { dids: [] });
  await record('bulkmeta-column-collections', '/dids/bulkmeta', token, {
    dids: children,
    inherit: false,
    plugin: 'DID_COLUMN',
  });
}

await main();
