/**
 * Records the REAL devstack Rucio's answers behind the DID page's file rules, container replica
 * summary (bulk and per dataset) and child counts into test/fixtures/recorded/*.json (replayed by test/did-extras.test.ts
 * and the BFF's unit tests), about the DIDs of meta.json (written by record-fixtures.ts). Run with
 * the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-did-extras.ts
 * Kept apart from record-fixtures.ts so the other recordings stay as they are. The root token is
 * replaced by "<token>".
 */
import { didPath, scopedPath } from '../src/did-path.ts';
import { recordedMeta } from '../test/replay.ts';
import { recordedLines as lines, recordStream, rootToken } from './stream-recorder.ts';

async function main(): Promise<void> {
  const token = await rootToken();
  const { dataset, file, container, partialFile } = recordedMeta();
  const rules = (did: { scope: string; name: string }) =>
    `${didPath(did.scope, did.name)}/associated_rules`;
  await recordStream('did-associated-rules-file', rules(file), token);
  await recordStream('did-associated-rules-partial-file', rules(partialFile), token);
  await recordStream('did-associated-rules-dataset', rules(dataset), token);
  await recordStream(
    'did-associated-rules-not-found',
    rules({ ...file, name: `${file.name}-nope` }),
    token,
  );
  await recordStream(
    'did-rules-partial-file',
    `${didPath(partialFile.scope, partialFile.name)}/rules`,
    token,
  );
  // The container's datasets, then Rucio's dataset replicas and DID columns of them in one call each.
  const children = lines(
    await recordStream(
      'list-dids-container',
      `${didPath(container.scope, container.name)}/dids`,
      token,
    ),
  ).map(({ scope, name }) => ({ scope, name }));
  if (children.length === 0 || children.length > 1000)
    throw new Error('container: 1 to 1000 children');
  await recordStream('dataset-replicas-bulk-container', '/replicas/datasets_bulk', token, {
    dids: children,
  });
  // Each of them counted now, as the BFF does for a container of few datasets.
  for (const [i, ds] of children.entries())
    await recordStream(
      `dataset-replicas-container-${i}-deep`,
      `${scopedPath('replicas', ds.scope, ds.name)}/datasets?deep=true`,
      token,
    );
  await recordStream('dataset-replicas-bulk-unknown', '/replicas/datasets_bulk', token, {
    dids: [{ scope: dataset.scope, name: `${dataset.name}-nope` }],
  });
  await recordStream('dataset-replicas-bulk-empty', '/replicas/datasets_bulk', token, { dids: [] });
  await recordStream('bulkmeta-column-collections', '/dids/bulkmeta', token, {
    dids: children,
    inherit: false,
    plugin: 'DID_COLUMN',
  });
}

await main();
