import { describe, expect, it } from 'vitest';
import type { BulkMetaOptions, DidContentDto } from '@bdms/rucio-client';
import { createDidsService } from '../../src/dids/dids.service.ts';
import { all, did, failing, replica, rows, rule, signal, TREE } from './dids-fakes.ts';
import { stubRucio } from './helpers.ts';

/** A file's rules through its parents, and child counts while browsing, over a made-up Rucio. */

describe('rules of a file', () => {
  it('when its dataset has a rule, then it comes marked as not direct, on the dataset; a rule on the file itself comes once, first', async () => {
    const { rucio } = stubRucio({
      listDidRules: () => rows([rule('r-file', '/c/d1/f', 'FILE')]),
      listAssociatedRules: () => rows([rule('r-ds', '/c/d1'), rule('r-file', '/c/d1/f', 'FILE')]),
    });
    const { rules } = await createDidsService({ rucio }).rules('t', 'acada', '/c/d1/f', signal);
    expect(rules.map((r) => [r.id, r.direct, r.on.name, r.on.type])).toEqual([
      ['r-file', true, '/c/d1/f', 'FILE'],
      ['r-ds', false, '/c/d1', 'DATASET'],
    ]);
  });
});

describe('contents with child counts', () => {
  function countingRucio(children: DidContentDto[], opts: { failMeta?: boolean } = {}) {
    const meta: BulkMetaOptions[] = [];
    const bulk: string[][] = [];
    const { rucio } = stubRucio({
      listContents: () => rows(children),
      bulkMeta: (o) => {
        meta.push(o);
        if (opts.failMeta) return failing();
        // The sub-container is closed: Rucio's DID record holds its count; the datasets are open.
        return rows(
          o.dids.map((d) => ({ ...d, length: d.name.endsWith('sub') ? 7 : null, bytes: null })),
        );
      },
      listDatasetReplicasBulk: ({ dids }) => {
        bulk.push(dids.map((d) => d.name));
        return rows(dids.flatMap((d) => [replica(d.name, 'A', 5, 5), replica(d.name, 'B', 4, 1)]));
      },
    });
    return { rucio, meta, bulk };
  }
  const open = async (rucio: ReturnType<typeof countingRucio>['rucio']) => {
    const service = createDidsService({ rucio });
    return (await all(await service.openContents('t', 'acada', '/c', signal))).map(
      service.toListingRow,
    );
  };

  it('when a container is listed, then datasets count from their replicas and closed collections from their DID record', async () => {
    const { rucio, meta, bulk } = countingRucio(TREE['/c'] ?? []);
    expect(await open(rucio)).toEqual([
      { scope: 'acada', name: '/c/d1', type: 'DATASET', bytes: 50, length: 5 },
      { scope: 'acada', name: '/c/sub', type: 'CONTAINER', bytes: null, length: 7 },
    ]);
    expect(meta).toHaveLength(1);
    expect(meta[0]).toMatchObject({ plugin: 'DID_COLUMN' });
    expect(bulk).toEqual([['/c/d1']]);
  });

  it('when 1 250 datasets are listed, then they are counted in batches (100 first, then up to 1 000), in order', async () => {
    const many = Array.from({ length: 1250 }, (_, i) => did(`/c/d${i}`));
    const { rucio, meta, bulk } = countingRucio(many);
    const listed = await open(rucio);
    expect(listed.map((r) => r.name)).toEqual(many.map((d) => d.name));
    expect(listed.every((r) => r.length === 5)).toBe(true);
    expect(meta.map((m) => m.dids.length)).toEqual([100, 1000, 150]);
    expect(bulk.map((b) => b.length)).toEqual([100, 1000, 150]);
  });

  it('when a dataset is listed, then its files pass through with length 1 and Rucio is asked nothing more', async () => {
    const files = [did('/c/d1/a', 'FILE'), did('/c/d1/b', 'FILE')];
    const { rucio, meta, bulk } = countingRucio(files);
    expect((await open(rucio)).map((r) => r.length)).toEqual([1, 1]);
    expect(meta).toHaveLength(0);
    expect(bulk).toHaveLength(0);
  });

  it('when Rucio refuses the DID columns, then the listing still completes, counted from the replicas', async () => {
    const { rucio } = countingRucio(TREE['/c'] ?? [], { failMeta: true });
    expect((await open(rucio)).map((r) => r.length)).toEqual([5, null]);
  });
});
