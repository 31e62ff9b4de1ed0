/**
 * Records the REAL devstack Rucio's transfer requests between two RSEs while a transfer is in
 * flight (test/fixtures/recorded/transfer-requests*.json, replayed by test/transfers.test.ts and
 * the BFF's unit tests). It adds a rule (root, 10 minutes) for a small demo dataset to an RSE
 * that has no copy of it, then lists the requests to that RSE from each other RSE until the
 * stack's transfer loop has submitted some (they stay in flight DEVSTACK_TRANSFER_SECONDS).
 * Run with the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-transfers.ts
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEV_HOST, DEV_PORTS } from '@bdms/dev-fixtures';
import { createRucioClient } from '../src/client.ts';
import { startDemoTransfer } from '../test/demo-transfer.ts';
import { recordStream, rootToken } from './stream-recorder.ts';

const base = (process.env.RUCIO_URL ?? `http://${DEV_HOST}:${DEV_PORTS.rucio}`).replace(/\/$/, '');
const STATES = 'request_states=Q%2CS%2CD%2CF';

async function main(): Promise<void> {
  const token = await rootToken();
  const rucio = createRucioClient({ baseUrl: base, userAgent: 'record-transfers' });
  const rses = [];
  for await (const r of rucio.listRses({ token })) rses.push(r.rse);
  const target = await startDemoTransfer(rucio, token);
  process.stdout.write(`rule for ${target.dataset.name} to ${target.rse}\n`);
  const pair = (src: string) => `/requests/list?src_rse=${src}&dst_rse=${target.rse}&${STATES}`;
  for (let i = 0; i < 40; i++) {
    await sleep(250);
    for (const src of rses.filter((r) => r !== target.rse)) {
      const rec = await recordStream('transfer-requests', pair(src), token);
      if (rec.response.body.trim()) {
        await recordStream('transfer-requests-none', pair(target.rse), token);
        return;
      }
    }
  }
  throw new Error('no request in flight within 10 s: is the transfer loop running?');
}

await main();
