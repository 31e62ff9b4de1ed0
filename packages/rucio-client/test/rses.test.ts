import { describe, expect, it } from 'vitest';
import { BULK_LOCKS_MAX, RucioError } from '../src/index.ts';
import { all, recordedMeta, replayClient } from './replay.ts';

/**
 * RSEs, an RSE's usage and datasets, and dataset locks, replayed from responses recorded on the
 * real devstack server (scripts/record-rses.ts).
 */
const client = (names: string[]) => replayClient(names, 97);
const token = 'tok';
const rse = 'DESY-ZN-DISK';
const { dataset, container } = recordedMeta();

describe('RSEs', () => {
  it('lists every RSE with its coordinates, city and country (only GET /rses/ has them)', async () => {
    const { rucio } = client(['rses']);
    const rses = await all(rucio.listRses({ token }));
    expect(rses.map((r) => r.rse).sort()).toContain(rse);
    expect(rses.find((r) => r.rse === rse)).toMatchObject({
      rse_type: 'DISK',
      city: 'Zeuthen',
      country_name: 'Germany',
      latitude: expect.any(Number) as number,
      longitude: expect.any(Number) as number,
    });
    expect(rses.find((r) => r.rse === 'PIC-TAPE')?.rse_type).toBe('TAPE');
  });

  it('reads one RSE’s protocols (its own address) and attributes, and 404 for an unknown one', async () => {
    const { rucio } = client(['rse-info', 'rse-attributes', 'rse-info-unknown']);
    const info = await rucio.getRse({ token, rse });
    expect(info.protocols[0]).toMatchObject({
      scheme: 'http',
      hostname: '127.0.0.13',
      prefix: `/${rse}/`,
    });
    expect(info).not.toHaveProperty('latitude');
    expect(await rucio.getRseAttributes({ token, rse })).toMatchObject({
      OFFSITE: true,
      site: 'DESY',
    });
    const refused = await rucio.getRse({ token, rse: 'NO-SUCH-RSE' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RucioError);
    expect(refused).toMatchObject({ status: 404, exceptionClass: 'RSENotFound' });
  });

  it('reads usage per source, every account’s usage and limit (served as application/json), and its datasets', async () => {
    const { rucio, seen } = client(['rse-usage', 'rse-account-usage', 'rse-datasets']);
    const usage = await all(rucio.listRseUsage({ token, rse }));
    expect(usage.map((u) => u.source)).toContain('rucio');
    const accounts = await all(rucio.listRseAccountUsage({ token, rse }));
    expect(accounts.find((a) => a.account === 'alice')?.quota_bytes).toBe(100_000);
    expect(seen[1]?.headers.get('accept')).toBe('application/json');
    const datasets = await all(rucio.listRseDatasets({ token, rse }));
    expect(datasets.length).toBeGreaterThan(10);
    for (const d of datasets) expect(d).toMatchObject({ rse, bytes: expect.any(Number) as number });
  });
});

describe('dataset locks', () => {
  it('reads a dataset’s locks, one per rule and RSE, in states named as Rucio writes them', async () => {
    const { rucio } = client(['dataset-locks']);
    const locks = await all(rucio.listDatasetLocks({ token, ...dataset }));
    expect(locks.length).toBeGreaterThan(1);
    for (const l of locks) expect(l).toMatchObject({ ...dataset, state: 'OK' });
  });

  it('expands a container to its datasets’ locks in one bulk call', async () => {
    const { rucio, bodies } = client(['dataset-locks-bulk-container']);
    const locks = await all(
      rucio.listDatasetLocksBulk({ token, dids: [{ ...container, type: 'CONTAINER' }] }),
    );
    expect(new Set(locks.map((l) => l.name)).size).toBeGreaterThan(1);
    for (const l of locks) expect(l.name.startsWith(`${container.name}/`)).toBe(true);
    expect(bodies[0]).toEqual({ dids: [{ ...container, type: 'container' }] });
  });

  it('refuses an empty or oversized bulk before asking Rucio', () => {
    const { rucio } = client([]);
    expect(() => rucio.listDatasetLocksBulk({ token, dids: [] })).toThrow(RangeError);
    const many = Array.from({ length: BULK_LOCKS_MAX + 1 }, (_, i) => ({
      scope: 'acada',
      name: `/ctao/acada/x${i}`,
      type: 'DATASET' as const,
    }));
    expect(() => rucio.listDatasetLocksBulk({ token, dids: many })).toThrow(RangeError);
  });
});
