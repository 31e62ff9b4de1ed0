/**
 * Smoke of the benchmark's load figure against the running small stack (the benchmark itself does
 * not run in CI, BENCH.md): a few signed-in sessions through the BFF and a token straight at Rucio,
 * a couple of seconds each — the load code still signs in, sends its headers and reads the
 * figures. The figures' values mean nothing here; only that the requests succeed.
 */
import { recordedMeta } from '@bdms/rucio-client/testing';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../lib/logger.ts';
import { logPath, statePaths } from '../lib/paths.ts';
import { readStackEnv } from '../stack/config.ts';
import { geoipFigures } from './geoip-bench.ts';
import { loadFigures, loadRun, portalSessions } from './load.ts';
import { directEnrichedSearch } from './direct-search.ts';
import { searchProbes, type SearchCase } from './search-bench.ts';
import { directAccessToken, portalSession } from './sessions.ts';

const env = readStackEnv();
const rucioUrl = `http://127.0.0.1:${env.RUCIO_PORT}`;

describe('bench load smoke', () => {
  it('when a few sessions load /api/me and the same Rucio call, then every request succeeds and the figures come out', async () => {
    const cookies = await portalSessions(env.PORTAL_URL, 4);
    expect(new Set(cookies).size).toBe(4);
    const token = await directAccessToken(env.IDP_ISSUER);
    // Rucio 41 stores a JWT on its first use; concurrent first uses race and get 401s. One call
    // first, as the BFF does (auth/rucio-call.ts) and as the benchmark's warm-up does.
    const first = await fetch(`${rucioUrl}/accounts/alice`, {
      headers: { 'X-Rucio-Auth-Token': token },
    });
    expect(first.status).toBe(200);
    const o = { connections: 4, durationSec: 2 };
    const viaBff = await loadRun(
      {
        url: `${env.PORTAL_URL}/api/me`,
        headersFor: (i) => ({ cookie: cookies[i % cookies.length] ?? '' }),
      },
      o,
    );
    const direct = await loadRun(
      { url: `${rucioUrl}/accounts/alice`, headersFor: () => ({ 'X-Rucio-Auth-Token': token }) },
      o,
    );
    for (const r of [viaBff, direct]) {
      expect(r.requests).toBeGreaterThan(10);
      expect(r.errors + r.timeouts + r.non2xx).toBe(0);
    }
    const figures = loadFigures('GET /api/me', [viaBff], [direct]);
    expect(figures.map((f) => f.name)).toContain('GET /api/me throughput BFF/direct');
  });
});

describe('bench search smoke', () => {
  it('when one demo night is searched through the BFF and by the direct client, then both give every file of it', async () => {
    const token = await directAccessToken(env.IDP_ISSUER);
    await fetch(`${rucioUrl}/accounts/alice`, { headers: { 'X-Rucio-Auth-Token': token } });
    // The DL0 files before October 2025: the small demo archive's nights (seed reference.py
    // NIGHTS), not the bench archive's big ones.
    const night: SearchCase = {
      query: {
        scopes: ['acada'],
        didType: 'file',
        groups: [
          [
            { key: 'data_level', op: '=', value: 'DL0' },
            { key: 'start_time', op: '<', value: '2025-10-01T00:00:00' },
          ],
        ],
      },
      direct: {
        scope: 'acada',
        type: 'file',
        filters: "[{'data_level': 'DL0', 'start_time.lt': '2025-10-01T00:00:00'}]",
      },
      rows: 0,
    };
    const input = {
      portalUrl: env.PORTAL_URL,
      rucioUrl,
      bffPid: 0,
      cookie: await portalSession(env.PORTAL_URL),
      token,
      runs: 1,
      searchRuns: 1,
      big: night,
      small: night,
    };
    const names = await searchProbes(input).namesDirect(night);
    expect(names.rows).toBeGreaterThan(100);
    const direct = await directEnrichedSearch({ ...night.direct, rucioUrl, token });
    expect(direct.rows).toBeGreaterThan(100);
    // The same rows through the BFF, by the direct client, and in the CSV export (+ a header).
    const c = { ...night, rows: direct.rows };
    const probe = searchProbes({ ...input, big: c, small: c });
    const viaBff = await probe.enrichedViaBff(c);
    expect(viaBff.trailer).toEqual({ end: { count: direct.rows, matched: names.rows } });
    expect(viaBff.firstRowsMs).toBeGreaterThan(0);
    expect((await probe.csvExport(c)).rows).toBe(direct.rows + 1);
    expect((await probe.namesViaBff(c)).rows).toBe(names.rows);
  });
});

describe('bench geoip smoke', () => {
  it('when a small dataset’s replicas are listed with both sorts, then every file comes and no download is attempted after the first call', async () => {
    const token = await directAccessToken(env.IDP_ISSUER);
    await fetch(`${rucioUrl}/accounts/alice`, { headers: { 'X-Rucio-Auth-Token': token } });
    // A dataset of the small demo archive (6 files with 4 copies each), not the bench night.
    const dataset = { ...recordedMeta().dataset, files: 6 };
    const rucioLog = logPath(statePaths(env.DEVSTACK_HOME), 'rucio');
    const figures = await geoipFigures(
      { rucioUrl, token, dataset, runs: 1, rucioLog },
      silentLogger,
    );
    expect(figures.map((f) => f.name)).toEqual(
      expect.arrayContaining(['replicas 6 geoip/random', 'replicas 6 geoip by address/random']),
    );
    expect(figures.find((f) => f.name === 'GeoIP downloads after 1st call')?.value).toBe(0);
  });
});
