/**
 * The real Rucio's geoip replica sort on the seeded devstack: Rucio fetches the devstack's GeoIP
 * database through its own download path (once), places each RSE's storage address at its site
 * and the client where the database says, and offers the nearest copy first. The storage answers
 * on every RSE address as on 127.0.0.1 (reads for a token or the writer, writes for the writer only).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { DEV_GEO_CLIENTS, DEV_RSE_HOSTS } from '@bdms/dev-fixtures';
import { createRucioClient, type FileReplicaDto } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { countLines, DOWNLOAD_LINE } from '../bench/geoip-bench.ts';
import { silentLogger } from '../lib/logger.ts';
import { logPath, statePaths } from '../lib/paths.ts';
import { readEnv } from './config.ts';
import { coreUp } from './core-up.ts';
import { GEOIP_EDITION, RUCIO_GEOIP_CACHE } from './geoip.ts';
import { userpassToken } from './rucio-smoke.ts';
import { rseStorageUrl, storageWriterAuth } from './storage.ts';

const env = readEnv();
const paths = statePaths(env.DEVSTACK_HOME);
const rucioLog = logPath(paths, 'rucio');
const { file } = recordedMeta();
let rucio: ReturnType<typeof createRucioClient>;
let token = '';

beforeAll(async () => {
  const core = await coreUp(paths, env, silentLogger);
  rucio = createRucioClient({ baseUrl: core.rucio.url, userAgent: 'devstack-it' });
  token = await userpassToken(core.rucio.url);
});

const replicasOf = async (clientIp?: string): Promise<FileReplicaDto> => {
  const rows: FileReplicaDto[] = [];
  for await (const row of rucio.listFileReplicas({ token, dids: [file], clientIp })) rows.push(row);
  expect(rows).toHaveLength(1);
  return rows[0] as FileReplicaDto;
};

/** The file's RSEs in the order Rucio offers its copies (PFN priority, 1 first). */
const order = (f: FileReplicaDto): string[] =>
  Object.values(f.pfns ?? {})
    .sort((a, b) => a.priority - b.priority)
    .map((p) => p.rse);

const sizeOf = (path: string): number => readFileSync(path).byteLength;
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('Rucio’s GeoIP database', () => {
  it('when its cache has none, then the first sort downloads ours from the devstack, and later sorts read the cache', async () => {
    const ours = `${paths.geoip}/${GEOIP_EDITION}.mmdb`;
    // Only ever ours here (core-up removed any other), so removing it takes nothing from anyone.
    if (existsSync(RUCIO_GEOIP_CACHE)) expect(sha(RUCIO_GEOIP_CACHE)).toBe(sha(ours));
    rmSync(RUCIO_GEOIP_CACHE, { force: true });
    const before = sizeOf(rucioLog);
    await replicasOf(DEV_GEO_CLIENTS.berlin.ip);
    const afterFirst = sizeOf(rucioLog);
    expect(countLines(rucioLog, DOWNLOAD_LINE, before, afterFirst)).toBeGreaterThanOrEqual(1);
    expect(sha(RUCIO_GEOIP_CACHE)).toBe(sha(ours));
    await replicasOf(DEV_GEO_CLIENTS.laPalma.ip);
    await replicasOf();
    expect(countLines(rucioLog, DOWNLOAD_LINE, afterFirst)).toBe(0);
  });
});

describe('replica order by distance', () => {
  it('when a file with copies in La Palma and Zeuthen is listed, then La Palma comes first for a La Palma client and Zeuthen for a Berlin one', async () => {
    const fromLaPalma = order(await replicasOf(DEV_GEO_CLIENTS.laPalma.ip));
    expect(fromLaPalma).toEqual(expect.arrayContaining(['CTAO-N-ONSITE', 'DESY-ZN-DISK']));
    expect(fromLaPalma[0]).toBe('CTAO-N-ONSITE');
    const fromBerlin = order(await replicasOf(DEV_GEO_CLIENTS.berlin.ip));
    expect(fromBerlin[0]).toBe('DESY-ZN-DISK');
    // Farthest last: Zeuthen for La Palma, La Palma for Berlin (Frascati and Barcelona between).
    expect(fromLaPalma.at(-1)).toBe('DESY-ZN-DISK');
    expect(fromBerlin.at(-1)).toBe('CTAO-N-ONSITE');
  });

  it('when the client is somewhere the database does not know, then Rucio keeps its own order', async () => {
    // 127.0.0.1 (the caller, without X-Forwarded-For) is placed nowhere: every copy is "as far".
    const unknown = order(await replicasOf());
    const byHost = [...unknown].sort((a, b) =>
      DEV_RSE_HOSTS[a as keyof typeof DEV_RSE_HOSTS].localeCompare(
        DEV_RSE_HOSTS[b as keyof typeof DEV_RSE_HOSTS],
        'en',
        { numeric: true },
      ),
    );
    expect(unknown).toEqual(byHost);
  });
});

describe('storage on the RSE addresses', () => {
  it('then every PFN names its RSE’s own address and serves the registered bytes there', async () => {
    const f = await replicasOf();
    for (const [pfn, { rse }] of Object.entries(f.pfns ?? {})) {
      expect(new URL(pfn).hostname).toBe(DEV_RSE_HOSTS[rse as keyof typeof DEV_RSE_HOSTS]);
      const res = await fetch(pfn, { headers: { Authorization: storageWriterAuth() } });
      expect(res.status).toBe(200);
      const md5 = createHash('md5')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex');
      expect(md5).toBe(file.md5);
    }
  });

  it('then a write on an RSE address needs the writer, as on 127.0.0.1', async () => {
    const url = `${rseStorageUrl('CSCS-DISK', env.STORAGE_PORT)}/CSCS-DISK/it-geoip-${Date.now()}.txt`;
    expect((await fetch(url, { method: 'PUT', body: 'x' })).status).toBe(401);
    const auth = { Authorization: storageWriterAuth() };
    expect([201, 204]).toContain(
      (await fetch(url, { method: 'PUT', body: 'x', headers: auth })).status,
    );
    expect([200, 204]).toContain((await fetch(url, { method: 'DELETE', headers: auth })).status);
  });
});
