import { describe, expect, it } from 'vitest';
import { DATASET_REPLICAS_BULK_MAX, RucioError } from '../src/index.ts';
import { all, loadRecording, recordedMeta, replayClient } from './replay.ts';

/**
 * A file's associated rules, the bulk dataset replicas and the DID columns of collections,
 * replayed from responses recorded on the real devstack server (scripts/record-did-extras.ts).
 */
const client = (names: string[]) => replayClient(names, 89);

const { dataset, file, container, partial, partialFile } = recordedMeta();
const token = 'tok';
const children = () =>
  loadRecording('list-dids-container')
    .response.body.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { scope: string; name: string; type: string });

describe('listAssociatedRules', () => {
  it('when a file of a seeded dataset is asked, then the dataset’s rules come, each naming the dataset', async () => {
    const { rucio, seen } = client(['did-associated-rules-file']);
    const rules = await all(rucio.listAssociatedRules({ token, ...file }));
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r).toMatchObject({ ...dataset, did_type: 'DATASET' });
    expect(new URL(seen[0]?.url ?? '').pathname).toBe(
      `/dids/${file.scope}/${encodeURIComponent(file.name)}/associated_rules`,
    );
  });

  it('when a file is still being copied for its dataset’s rules, then those rules come REPLICATING', async () => {
    const { rucio } = client(['did-associated-rules-partial-file', 'did-rules-partial-file']);
    expect(await all(rucio.listDidRules({ token, ...partialFile }))).toEqual([]); // none on the file
    const rules = await all(rucio.listAssociatedRules({ token, ...partialFile }));
    expect(rules.every((r) => r.name === partial.name)).toBe(true);
    expect(rules.some((r) => r.state === 'REPLICATING')).toBe(true);
  });

  it('when a dataset is asked, then Rucio lists nothing (datasets hold no replica locks)', async () => {
    const { rucio } = client(['did-associated-rules-dataset']);
    expect(await all(rucio.listAssociatedRules({ token, ...dataset }))).toEqual([]);
  });

  it('when the DID does not exist, then RucioError 404 DataIdentifierNotFound', async () => {
    const { rucio } = client(['did-associated-rules-not-found']);
    const error: unknown = await all(
      rucio.listAssociatedRules({ token, ...file, name: `${file.name}-nope` }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RucioError);
    expect(error).toMatchObject({ status: 404, exceptionClass: 'DataIdentifierNotFound' });
  });
});

describe('listDatasetReplicasBulk', () => {
  it('when a container’s datasets are asked in one call, then each comes per RSE with its counts', async () => {
    const dids = children().map(({ scope, name }) => ({ scope, name }));
    const { rucio, seen } = client(['dataset-replicas-bulk-container']);
    const rows = await all(rucio.listDatasetReplicasBulk({ token, dids }));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST' });
    expect(new URL(seen[0]?.url ?? '').pathname).toBe('/replicas/datasets_bulk');
    expect(new Set(rows.map((r) => r.name))).toEqual(new Set(dids.map((d) => d.name)));
    for (const r of rows) {
      expect(r.name.startsWith(`${container.name}/`)).toBe(true);
      expect(r.length).toBeGreaterThan(0);
      expect(r.available_length).toBeLessThanOrEqual(r.length ?? 0);
    }
    expect(new Set(rows.map((r) => r.rse)).size).toBeGreaterThan(1);
  });

  it('when the dataset does not exist, then Rucio lists nothing (no 404)', async () => {
    const { rucio } = client(['dataset-replicas-bulk-unknown']);
    const dids = [{ scope: dataset.scope, name: `${dataset.name}-nope` }];
    expect(await all(rucio.listDatasetReplicasBulk({ token, dids }))).toEqual([]);
  });

  it('when no DID or more than 1 000 are given, then it refuses before sending (Rucio answers 400 to none)', () => {
    const { rucio, seen } = client([]);
    expect(() => rucio.listDatasetReplicasBulk({ token, dids: [] })).toThrow(RangeError);
    const many = Array.from({ length: DATASET_REPLICAS_BULK_MAX + 1 }, () => dataset);
    expect(() => rucio.listDatasetReplicasBulk({ token, dids: many })).toThrow(RangeError);
    expect(seen).toHaveLength(0);
    expect(loadRecording('dataset-replicas-bulk-empty').response).toMatchObject({
      status: 400,
      headers: { exceptionclass: 'ValueError' },
    });
  });
});

describe('bulkMeta with DID_COLUMN for collections', () => {
  it('when open datasets are asked, then their DID record has no length yet (Rucio fills it at close)', async () => {
    const dids = children().map(({ scope, name }) => ({ scope, name }));
    const { rucio } = client(['bulkmeta-column-collections']);
    const rows = await all(rucio.bulkMeta({ token, dids, plugin: 'DID_COLUMN' }));
    expect(rows).toHaveLength(dids.length);
    for (const r of rows)
      expect(r).toMatchObject({ did_type: 'DATASET', is_open: true, length: null });
  });
});
