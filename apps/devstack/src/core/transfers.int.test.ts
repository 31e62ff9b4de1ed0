/**
 * Transfers on the devstack (issue 7): a rule on a fresh file makes Rucio's conveyor submit a
 * transfer to the mock transfertool, the dev mover copies the bytes between the RSEs' storage
 * areas, and only a verified copy becomes an AVAILABLE replica; bytes that do not match Rucio's
 * adler32 make the request fail, Rucio retries it, and the rule ends STUCK without a replica.
 */
import { randomBytes } from 'node:crypto';
import { DEV_RSE_HOSTS, storageWriterAuth, type DevRse } from '@bdms/dev-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { adler32Hex } from '../lib/adler32.ts';
import { pollUntil } from '../lib/http.ts';
import { silentLogger } from '../lib/logger.ts';
import { statePaths } from '../lib/paths.ts';
import { readEnv } from './config.ts';
import { coreUp } from './core-up.ts';
import {
  addFile,
  addRule,
  ensureScope,
  getRule,
  pfnOn,
  replicaOf,
  type RucioAt,
  type TestFile,
} from './rucio-files.ts';
import { parseStream, rucioCall, userpassToken } from './rucio-smoke.ts';
import { startTransfers } from './transfers.ts';

const env = readEnv();
const paths = statePaths(env.DEVSTACK_HOME);
const SCOPE = 'devtest';
const SOURCE: DevRse = 'CTAO-S-ONSITE';
const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
/**
 * Long enough for the test; then the loop's judge-cleaner removes the rules, so a STUCK one is
 * not repaired (and failed again) for long. The files stay, in the devtest scope.
 */
const LIFETIME = 600;
let at: RucioAt;

const fresh = (label: string, size = 2000): TestFile => ({
  scope: SCOPE,
  name: `/ctao/${SCOPE}/transfers/${run}/${label}.dat`,
  data: new Uint8Array(randomBytes(size)),
});

/** Polls the rule until it is in `state` (bounded), returning its last reading either way. */
async function ruleReaches(id: string, state: string, timeoutMs: number) {
  let last = await getRule(at, id);
  await pollUntil(
    async () => {
      last = await getRule(at, id);
      return last.state === state;
    },
    timeoutMs,
    1000,
  );
  return last;
}

beforeAll(async () => {
  const core = await coreUp(paths, env, silentLogger);
  // Reused when `up` started it; started here for a stack brought up by `core-up` alone.
  await startTransfers(paths, {
    intervalSeconds: env.DEVSTACK_TRANSFER_INTERVAL,
    minTransferSeconds: env.DEVSTACK_TRANSFER_SECONDS,
  });
  at = { url: core.rucio.url, token: await userpassToken(core.rucio.url) };
  await ensureScope(at, SCOPE);
});

describe('a rule to other RSEs', () => {
  it('when a fresh file on one RSE gets a rule to a disk and a tape RSE, then the rule goes OK and each new copy serves Rucio’s adler32', async () => {
    const file = fresh('good');
    await addFile(at, SOURCE, file);
    const targets: DevRse[] = ['DESY-ZN-DISK', 'PIC-TAPE'];
    const id = await addRule(at, file, targets.join('|'), { copies: 2, lifetime: LIFETIME });

    expect((await ruleReaches(id, 'OK', 90_000)).state).toBe('OK');
    const replica = await replicaOf(at, file);
    expect(replica?.adler32).toBe(adler32Hex(file.data));
    for (const rse of targets) {
      expect(replica?.states?.[rse]).toBe('AVAILABLE');
      const pfn = pfnOn(replica, rse);
      expect(pfn && new URL(pfn).hostname).toBe(DEV_RSE_HOSTS[rse]);
      const res = await fetch(pfn ?? '', { headers: { Authorization: storageWriterAuth() } });
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(adler32Hex(bytes)).toBe(replica?.adler32);
      expect(Buffer.from(bytes).equals(Buffer.from(file.data))).toBe(true);
    }
  });
});

describe('a copy that cannot be verified', () => {
  it('when the source bytes are corrupted or missing, then no copy becomes AVAILABLE: each attempt fails with the mover’s reason, Rucio retries, and the rule ends STUCK', async () => {
    const corrupted = fresh('corrupted');
    const flipped = Uint8Array.from(corrupted.data);
    flipped[7] = (flipped[7] ?? 0) ^ 0xff;
    await addFile(at, SOURCE, corrupted, flipped);
    const missing = fresh('missing');
    await addFile(at, SOURCE, missing, null);
    const cases = [
      { file: corrupted, rse: 'CSCS-DISK', reason: 'SOURCE CHECKSUM MISMATCH' },
      { file: missing, rse: 'INFN-FRASCATI-DISK', reason: 'SOURCE HTTP 404' },
    ] as const;
    const ids = await Promise.all(
      cases.map((c) => addRule(at, c.file, c.rse, { lifetime: LIFETIME })),
    );

    // Four attempts, one per round: Rucio's finisher requeues a failed transfer three times.
    const finals = await Promise.all(ids.map((id) => ruleReaches(id, 'STUCK', 150_000)));
    for (const [i, c] of cases.entries()) {
      expect(finals[i]).toMatchObject({ state: 'STUCK', error: expect.stringContaining(c.reason) });
      expect((await replicaOf(at, c.file))?.states?.[c.rse]).not.toBe('AVAILABLE');
      // Rucio's own retries: the first attempt and three more, each FAILED with the mover's reason.
      const attempts = await failedAttempts(SOURCE, c.rse, c.file.name);
      expect(attempts.map((a) => a.retry_count)).toEqual(expect.arrayContaining([0, 1, 2, 3]));
      for (const a of attempts) expect(a.err_msg).toContain(c.reason);
      // Nothing was left where the copy would have gone.
      const dest = attempts[0]?.dest_url;
      expect(dest && new URL(dest).hostname).toBe(DEV_RSE_HOSTS[c.rse]);
      const left = await fetch(dest ?? '', { headers: { Authorization: storageWriterAuth() } });
      expect(left.status).toBe(404);
    }
  });
});

interface HistoryRow {
  name: string;
  retry_count: number | null;
  err_msg: string | null;
  dest_url: string | null;
}

/** The archived attempts of a transfer (admin: GET /requests/history/list for the RSE pair). */
async function failedAttempts(src: string, dst: string, name: string): Promise<HistoryRow[]> {
  const path = `/requests/history/list?src_rse=${src}&dst_rse=${dst}&request_states=F`;
  const res = await rucioCall(at.url, at.token, path);
  expect(res.status).toBe(200);
  return (parseStream(res.text) as HistoryRow[]).filter((r) => r.name === name);
}
