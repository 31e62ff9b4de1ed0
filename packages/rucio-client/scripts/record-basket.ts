/**
 * Records the REAL devstack Rucio's answers behind the BFF's download basket (GET /api/basket)
 * into test/fixtures/recorded/basket-*.json, about the DIDs of meta.json: the DID records of a
 * basket holding two files, two datasets, a container and a DID Rucio does not know (one bulk
 * call), the container's datasets and their records, the files' replicas (one list), the
 * datasets' replicas from Rucio's table (one bulk call) and the RSE list. Run with the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-basket.ts
 * The root token is replaced by "<token>".
 */
import { didPath } from '../src/did-path.ts';
import { recordedMeta } from '../test/replay.ts';
import { recordedLines as lines, recordStream, rootToken } from './stream-recorder.ts';

async function main(): Promise<void> {
  const token = await rootToken();
  const { dataset, file, container, partial, partialFile } = recordedMeta();
  const ref = (d: { scope: string; name: string }) => ({ scope: d.scope, name: d.name });
  const unknown = { scope: dataset.scope, name: `${dataset.name}-nope` };
  const basket = [file, partialFile, dataset, partial, container, unknown].map(ref);
  await recordStream('basket-bulkmeta', '/dids/bulkmeta', token, {
    dids: basket,
    inherit: false,
    plugin: 'DID_COLUMN',
  });
  const children = lines(
    await recordStream(
      'basket-container-list',
      `${didPath(container.scope, container.name)}/dids`,
      token,
    ),
  )
    .filter((c) => c.type === 'DATASET')
    .map(ref);
  const below = children.filter((c) => c.name !== dataset.name);
  if (below.length === 0 || below.length > 1000) throw new Error('container: 1 to 1000 datasets');
  await recordStream('basket-bulkmeta-below', '/dids/bulkmeta', token, {
    dids: below,
    inherit: false,
    plugin: 'DID_COLUMN',
  });
  await recordStream('basket-file-replicas', '/replicas/list', token, {
    dids: [ref(file), ref(partialFile)],
    all_states: true,
    sort: 'random',
  });
  await recordStream('basket-dataset-replicas', '/replicas/datasets_bulk', token, {
    dids: [ref(dataset), ref(partial), ...below],
  });
  await recordStream('basket-rses', '/rses/', token);
}

await main();
