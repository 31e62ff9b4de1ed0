/**
 * Records the REAL devstack Rucio's answers behind the sites map, the RSE page and a DID's locks
 * per RSE into test/fixtures/recorded/*.json (replayed by test/rses.test.ts and the BFF's unit
 * tests), about DESY-ZN-DISK and the DIDs of meta.json. Run with the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-rses.ts
 */
import { scopedPath } from '../src/did-path.ts';
import { recordedMeta } from '../test/replay.ts';
import { recordStream, rootToken } from './stream-recorder.ts';

const RSE = 'DESY-ZN-DISK';

async function main(): Promise<void> {
  const token = await rootToken();
  const { dataset, container } = recordedMeta();
  await recordStream('rses', '/rses/', token);
  const json = { Accept: 'application/json' };
  await recordStream('rse-info', `/rses/${RSE}`, token, undefined, json);
  await recordStream('rse-info-unknown', '/rses/NO-SUCH-RSE', token, undefined, json);
  await recordStream('rse-attributes', `/rses/${RSE}/attr/`, token, undefined, json);
  await recordStream('rse-usage', `/rses/${RSE}/usage`, token);
  await recordStream('rse-account-usage', `/rses/${RSE}/accounts/usage`, token, undefined, json);
  await recordStream('rse-datasets', `/replicas/rse/${RSE}`, token);
  await recordStream(
    'dataset-locks',
    `${scopedPath('locks', dataset.scope, dataset.name)}?did_type=dataset`,
    token,
  );
  await recordStream('dataset-locks-bulk-container', '/locks/bulk_locks_for_dids', token, {
    dids: [{ ...container, type: 'container' }],
  });
  await recordStream('dataset-locks-bulk-dataset', '/locks/bulk_locks_for_dids', token, {
    dids: [{ ...dataset, type: 'dataset' }],
  });
}

await main();
