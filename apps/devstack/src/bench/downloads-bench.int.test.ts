/**
 * Smoke of the downloads benchmark against the running small stack (the benchmark itself does
 * not run in CI, BENCH.md): its own data made on the real Rucio and storage (a small dataset, so
 * it is quick), one round of the three ways (the BFF with a session, a signed link, the storage
 * with the user's own token) whole and as a range, the range also through the bare proxy, and
 * the figures computed. The values mean nothing here; only that every way serves the file's
 * bytes.
 */
import { describe, expect, it } from 'vitest';
import { userpassToken } from '../core/rucio-smoke.ts';
import { silentLogger } from '../lib/logger.ts';
import { statePaths } from '../lib/paths.ts';
import { readStackEnv } from '../stack/config.ts';
import {
  BARE_PROXY,
  interleaved,
  singleFileFigures,
  waysTo,
  withBareProxy,
} from './downloads-bench.ts';
import { ensureBenchDataset } from './downloads-data.ts';
import { portalSession } from './sessions.ts';

const env = readStackEnv();
const rucioUrl = `http://127.0.0.1:${String(env.RUCIO_PORT)}`;
const size = 3 * 1024 * 1024 + 17;

describe('downloads bench smoke', () => {
  it('when the bench data is made and fetched each way, then every way serves its bytes and the figures come out', async () => {
    const at = { url: rucioUrl, token: await userpassToken(rucioUrl) };
    const spec = { label: 'smoke-2', files: 2, sizeOf: () => size };
    const storageRoot = statePaths(env.DEVSTACK_HOME).storage;
    const ds = await ensureBenchDataset(at, storageRoot, spec, silentLogger);
    // Made once: the second time it is found, not made again.
    expect(await ensureBenchDataset(at, storageRoot, spec, silentLogger)).toEqual(ds);
    const input = {
      portalUrl: env.PORTAL_URL,
      rucioUrl,
      issuer: env.IDP_ISSUER,
      bffPid: 0,
      cookie: await portalSession(env.PORTAL_URL),
      storageRoot,
      runs: 1,
    };
    const ways = await waysTo(input, at, ds);
    const whole = await interleaved(ways, 1);
    expect([...whole.values()].flat().map((t) => t.bytes)).toEqual(Array(3).fill(size));
    const figures = singleFileFigures(whole, size);
    expect(figures.map((f) => f.name)).toContain('1 GiB file throughput via link/direct');
    // The range also through the bare proxy, in front of the direct way's URL and token.
    const tail = await withBareProxy(ways, (all) => interleaved(all, 1, 'bytes=-1024'));
    expect([...tail.keys()]).toEqual(['via BFF', 'via link', 'direct', BARE_PROXY]);
    expect([...tail.values()].flat().map((t) => [t.status, t.bytes])).toEqual(
      Array(4).fill([206, 1024]),
    );
  }, 120_000);
});
