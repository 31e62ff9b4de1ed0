/**
 * Records the REAL devstack Rucio's answers behind a rule's transfers (test/fixtures/recorded/
 * rule-transfers-*.json and transfer-request-*.json, replayed by test/transfers.test.ts and the
 * BFF's unit tests): a fresh rule (root, 10 minutes) for a demo dataset to an RSE without a copy,
 * the request of one of its files right away (QUEUED), the rule, its locks and every file's
 * request once the transfer loop has submitted them, the same file's request after the rule is
 * OK (Rucio has moved it to the history: RequestNotFound), a request to an unknown RSE and one
 * asked with a token Rucio does not know.
 * Run with the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-rule-transfers.ts
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEV_HOST, DEV_PORTS } from '@bdms/dev-fixtures';
import { createRucioClient } from '../src/client.ts';
import { scopedPath } from '../src/did-path.ts';
import { startDemoTransfer } from '../test/demo-transfer.ts';
import { all } from '../test/replay.ts';
import { recordStream, rootToken } from './stream-recorder.ts';

const base = (process.env.RUCIO_URL ?? `http://${DEV_HOST}:${DEV_PORTS.rucio}`).replace(/\/$/, '');
const json = { Accept: 'application/json' };

interface Lock {
  scope: string;
  name: string;
  rse: string;
}

const requestPath = (l: Lock, rse = l.rse) =>
  `${scopedPath('requests', l.scope, l.name)}/${encodeURIComponent(rse)}`;

const lines = (body: string) =>
  body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Lock);

async function main(): Promise<void> {
  const token = await rootToken();
  const rucio = createRucioClient({ baseUrl: base, userAgent: 'record-rule-transfers' });
  const { ruleId, dataset, rse } = await startDemoTransfer(rucio, token);
  process.stdout.write(`rule ${ruleId} for ${dataset.name} to ${rse}\n`);
  const [first] = await all(rucio.listRuleLocks({ token, id: ruleId }));
  if (!first) throw new Error('the fresh rule has no locks');
  await recordStream('transfer-request-queued', requestPath(first), token, undefined, json);
  await recordStream(
    'transfer-request-bad-token',
    requestPath(first),
    'not-a-token',
    undefined,
    json,
  );
  await recordStream(
    'transfer-request-unknown-rse',
    requestPath(first, 'NO-SUCH-RSE'),
    token,
    undefined,
    json,
  );

  let submitted = false;
  for (let i = 0; i < 60 && !submitted; i++) {
    await sleep(500);
    const probe = await fetch(base + requestPath(first), {
      headers: { ...json, 'X-Rucio-Auth-Token': token },
    });
    submitted = probe.ok && ((await probe.json()) as { state?: string }).state === 'SUBMITTED';
  }
  if (!submitted) throw new Error('not submitted within 30 s: is the transfer loop running?');
  await recordStream('rule-transfers-rule', `/rules/${ruleId}`, token, undefined, json);
  const locks = lines(
    (await recordStream('rule-transfers-locks', `/rules/${ruleId}/locks`, token)).response.body,
  );
  for (const [i, lock] of locks.entries())
    await recordStream(`rule-transfers-request-${i}`, requestPath(lock), token, undefined, json);

  for (let i = 0; i < 120; i++) {
    await sleep(1000);
    if ((await rucio.getRule({ token, id: ruleId })).state === 'OK') {
      await recordStream('transfer-request-done', requestPath(first), token, undefined, json);
      return;
    }
  }
  throw new Error('the rule did not become OK within 2 minutes');
}

await main();
