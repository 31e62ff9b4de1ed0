/**
 * The DID page's recordings (part of record-fixtures.ts): a dataset, its first file and parent
 * container, a dataset a rule is still filling, and a scope's collections, each as the real
 * devstack Rucio answers.
 */
import { didPath, scopedPath } from '../src/did-path.ts';
import type { Recording } from '../test/replay.ts';

interface Did {
  scope: string;
  name: string;
}
const STREAM = 'application/x-json-stream';
const firstLine = (rec: Recording): Did => {
  const line = rec.response.body.split('\n').find((l) => l.trim());
  if (!line) throw new Error(`empty listing: ${rec.request.path}`);
  return JSON.parse(line) as Did;
};

/** A dataset that a rule is still filling (the seed leaves some onsite-only), for partial summaries. */
async function partialDataset(base: string, token: string): Promise<Did> {
  const res = await fetch(`${base}/rules/?state=R`, {
    headers: { 'X-Rucio-Auth-Token': token, Accept: STREAM },
  });
  const line = (await res.text()).split('\n').find((l) => l.trim());
  if (!line) throw new Error('no REPLICATING rule: seed the devstack first');
  const { scope, name } = JSON.parse(line) as Did;
  return { scope, name };
}

/** record-fixtures.ts's recorder: writes one recording and returns it. */
export type Record = (
  name: string,
  path: string,
  init?: { token?: string; accept?: string; method?: string; body?: unknown },
) => Promise<Recording>;

/** Everything the DID page asks Rucio: info, metadata, parents, rules, replica summaries. */
export async function recordDidPage(record: Record, base: string, token: string, ds: Did) {
  const as = { token, accept: 'application/json' };
  const file = firstLine(
    await record('list-dids', `${didPath(ds.scope, ds.name)}/dids`, { token, accept: STREAM }),
  );
  const container = firstLine(
    await record('did-parents-dataset', `${didPath(ds.scope, ds.name)}/parents`, {
      token,
      accept: STREAM,
    }),
  );
  await record('did-parents-file', `${didPath(file.scope, file.name)}/parents`, {
    token,
    accept: STREAM,
  });
  await record('did-parents-not-found', `${didPath(ds.scope, `${ds.name}-nope`)}/parents`, {
    token,
    accept: STREAM,
  });
  for (const [label, did] of [
    ['dataset', ds],
    ['container', container],
    ['file', file],
  ] as const)
    await record(`did-info-${label}`, `${didPath(did.scope, did.name)}?dynamic_depth=FILE`, as);
  await record(
    'did-info-not-found',
    `${didPath(ds.scope, `${ds.name}-nope`)}?dynamic_depth=FILE`,
    as,
  );
  for (const plugin of ['DID_COLUMN', 'JSON'] as const) {
    const suffix = plugin === 'JSON' ? 'json' : 'column';
    await record(
      `did-meta-file-${suffix}`,
      `${didPath(file.scope, file.name)}/meta?plugin=${plugin}`,
      as,
    );
    await record(
      `did-meta-dataset-${suffix}`,
      `${didPath(ds.scope, ds.name)}/meta?plugin=${plugin}`,
      as,
    );
  }
  await record('did-rules-dataset', `${didPath(ds.scope, ds.name)}/rules`, {
    token,
    accept: STREAM,
  });
  await record('did-rules-file', `${didPath(file.scope, file.name)}/rules`, {
    token,
    accept: STREAM,
  });
  await record('did-rules-not-found', `${didPath(ds.scope, `${ds.name}-nope`)}/rules`, {
    token,
    accept: STREAM,
  });
  await record('scope-collections', '/dids/user.alice/dids/search?type=collection&long=true', {
    token,
    accept: STREAM,
  });
  const partial = await partialDataset(base, token);
  for (const [label, did] of [
    ['dataset', ds],
    ['partial', partial],
  ] as const) {
    const p = `${scopedPath('replicas', did.scope, did.name)}/datasets`;
    await record(`dataset-replicas-${label}`, p, { token, accept: STREAM });
    await record(`dataset-replicas-${label}-deep`, `${p}?deep=true`, { token, accept: STREAM });
  }
  const partialFile = firstLine(
    await record('list-dids-partial', `${didPath(partial.scope, partial.name)}/dids`, {
      token,
      accept: STREAM,
    }),
  );
  for (const [label, did] of [
    ['file', file],
    ['partial-file', partialFile],
  ] as const)
    await record(`${label}-replicas`, '/replicas/list', {
      token,
      accept: STREAM,
      method: 'POST',
      body: { dids: [{ scope: did.scope, name: did.name }], all_states: true },
    });
  return { file, container, partial, partialFile };
}
