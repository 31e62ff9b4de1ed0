/**
 * Records the REAL devstack Rucio's replica list of meta.json's file (copies in La Palma, Zeuthen,
 * Frascati and Barcelona) as two clients see it: one the devstack's GeoIP database places in La
 * Palma, one in Berlin (@bdms/dev-fixtures DEV_GEO_CLIENTS), sent as listFileReplicas sends them
 * (client_location in the body and X-Forwarded-For, which Rucio 41 reads). Replayed by
 * test/did-page.test.ts and the BFF's unit tests. Run with the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-replica-order.ts
 * Also recorded: the client at Berlin's address that sends La Palma's coordinates, as the BFF sends
 * the coordinates it found for an address (Rucio measures from them, not from the address).
 * Kept apart from record-fixtures.ts so the other recordings stay as they are.
 */
import { DEV_GEO_CLIENTS } from '@bdms/dev-fixtures';
import { recordedMeta } from '../test/replay.ts';
import { recordStream, rootToken } from './stream-recorder.ts';

async function main(): Promise<void> {
  const token = await rootToken();
  const { file } = recordedMeta();
  for (const [label, { ip }] of [
    ['la-palma', DEV_GEO_CLIENTS.laPalma],
    ['berlin', DEV_GEO_CLIENTS.berlin],
  ] as const) {
    const body = {
      dids: [{ scope: file.scope, name: file.name }],
      all_states: true,
      client_location: { ip },
    };
    await recordStream(`file-replicas-from-${label}`, '/replicas/list', token, body, {
      'X-Forwarded-For': ip,
    });
  }
  const { laPalma, berlin } = DEV_GEO_CLIENTS;
  const body = {
    dids: [{ scope: file.scope, name: file.name }],
    all_states: true,
    client_location: { ip: berlin.ip, latitude: laPalma.latitude, longitude: laPalma.longitude },
  };
  await recordStream('file-replicas-at-la-palma-from-berlin', '/replicas/list', token, body, {
    'X-Forwarded-For': berlin.ip,
  });
}

await main();
