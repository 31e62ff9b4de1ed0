import { describe, expect, it } from 'vitest';
import type { DatasetReplicaDto, DidContentDto } from '@bdms/rucio-client';
import { createDidsService } from '../../src/dids/dids.service.ts';
import { CONTAINER_LIMITS, type ContainerLimits } from '../../src/dids/container-walk.ts';
import { did, replica, REPLICAS, rows, signal, TREE } from './dids-fakes.ts';
import { stubRucio } from './helpers.ts';

/** A container's replica summary over a made-up Rucio: its datasets summed per RSE. */

/** Counted now: /c/d1 is complete on SITE_B by now, and both datasets are on the onsite RSE. */
const DEEP = [
  replica('/c/d1', 'SITE_B', 5, 5),
  replica('/c/d1', 'ONSITE', 5, 5),
  replica('/c/sub/d2', 'ONSITE', 3, 3),
];

function containerRucio(
  tree: Record<string, DidContentDto[]> = TREE,
  table: DatasetReplicaDto[] = REPLICAS,
) {
  const calls = { bulk: [] as string[][], deep: [] as string[], listed: [] as string[] };
  const { rucio } = stubRucio({
    getDid: ({ scope, name }) =>
      Promise.resolve({ scope, name, type: 'CONTAINER' as const, account: 'root' }),
    listContents: ({ name }) => {
      calls.listed.push(name);
      return rows(tree[name] ?? []);
    },
    listDatasetReplicasBulk: ({ dids }) => {
      calls.bulk.push(dids.map((d) => d.name));
      return rows(table.filter((r) => dids.some((d) => d.name === r.name)));
    },
    listDatasetReplicas: ({ name, deep }) => {
      if (deep) calls.deep.push(name);
      return rows(deep ? DEEP.filter((r) => r.name === name) : []);
    },
  });
  return { rucio, calls };
}
const summarise = (rucio: ReturnType<typeof containerRucio>['rucio'], root = '/c', limits = {}) =>
  createDidsService({
    rucio,
    containerLimits: { ...CONTAINER_LIMITS, ...limits } satisfies ContainerLimits,
  }).replicaSummary('t', 'acada', root, signal);
const totals = (summary: Awaited<ReturnType<typeof summarise>>) =>
  summary.rses.map((r) => [r.rse, r.state, r.availableFiles, r.totalFiles, r.datasets]);

describe('replicaSummary of a container', () => {
  it('when it has few datasets, then each is counted now (with the table’s RSEs besides) and summed per RSE, through sub-containers', async () => {
    const { rucio, calls } = containerRucio();
    const summary = await summarise(rucio);
    expect(summary.source).toBe('container_deep');
    expect(summary.container).toEqual({ datasets: 3, partial: false });
    expect(totals(summary)).toEqual([
      ['ONSITE', 'AVAILABLE', 8, 8, { complete: 2, total: 2 }],
      ['SITE_A', 'AVAILABLE', 8, 8, { complete: 2, total: 2 }],
      ['SITE_B', 'AVAILABLE', 5, 5, { complete: 1, total: 1 }],
    ]);
    expect(summary.rses[1]).toMatchObject({ availableBytes: 80, totalBytes: 80 });
    expect(calls.bulk).toEqual([['/c/d1', '/c/sub/d2', '/c/sub/d3']]);
    expect(calls.deep.sort()).toEqual(['/c/d1', '/c/sub/d2', '/c/sub/d3']);
  });

  it('when it has more datasets than are counted now, then Rucio’s table alone is summed and the source says so', async () => {
    const { rucio, calls } = containerRucio();
    const summary = await summarise(rucio, '/c', { deepMax: 2 });
    expect(summary.source).toBe('container_table');
    expect(totals(summary)).toEqual([
      ['SITE_A', 'AVAILABLE', 8, 8, { complete: 2, total: 2 }],
      ['SITE_B', 'UNAVAILABLE', 2, 5, { complete: 0, total: 1 }],
    ]);
    expect(calls.deep).toEqual([]);
  });

  it('when it holds 2 500 datasets, then Rucio is asked in three bulk calls of at most 1 000, none per dataset', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => did(`/big/d${i}`));
    const { rucio, calls } = containerRucio({ '/big': many }, []);
    const summary = await summarise(rucio, '/big');
    expect(calls.bulk.map((c) => c.length)).toEqual([1000, 1000, 500]);
    expect(calls.deep).toEqual([]);
    expect(summary).toMatchObject({ rses: [], container: { datasets: 2500, partial: false } });
  });

  it('when it has more datasets than the limit, then only that many are summed and it says partial', async () => {
    const { rucio } = containerRucio();
    const summary = await summarise(rucio, '/c', { maxDatasets: 2 });
    expect(summary.container).toEqual({ datasets: 2, partial: true });
  });

  it('when it has more sub-containers than the limit, then the rest is not listed and it says partial', async () => {
    const { rucio, calls } = containerRucio();
    const summary = await summarise(rucio, '/c', { maxContainers: 1 });
    expect(calls.listed).toEqual(['/c']);
    expect(summary.container).toEqual({ datasets: 1, partial: true });
    expect(summary.rses.map((r) => r.rse)).toEqual(['ONSITE', 'SITE_A', 'SITE_B']);
  });
});
