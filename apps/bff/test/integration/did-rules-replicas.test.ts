import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidListingRow, DidRuleList, ReplicaSummary, StreamTrailer } from '@bdms/contract';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient, type DatasetReplicaDto } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all, didUrl } from './did-helpers.ts';

/*
 * A file's rules through its dataset, a container's replicas summed over its datasets, and the
 * file counts of a container's datasets: through a real BFF signed in as the demo astronomer,
 * checked against Rucio's REST asked directly as root (other endpoints than the BFF's where
 * Rucio has them: one dataset's replicas at a time, each dataset's own record).
 */
let bff: TestBff;
let cookie = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
let token = '';

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
  token = (await rucio.authUserpass(RUCIO_ROOT)).token;
});
afterAll(async () => {
  await bff.stop();
});

const { dataset, file, container } = recordedMeta();
const api = (path: string) => fetch(`${bff.url}${path}`, { headers: { Cookie: cookie } });

/** Every dataset below a container, listing only containers (never a dataset's files). */
async function datasetsBelow(root: { scope: string; name: string }) {
  const found = new Map<string, { scope: string; name: string }>();
  for (let queue = [root]; queue.length > 0;) {
    const next: { scope: string; name: string }[] = [];
    for (const c of await Promise.all(queue.map((q) => all(rucio.listContents({ token, ...q })))))
      for (const child of c) {
        const did = { scope: child.scope, name: child.name };
        if (child.type === 'DATASET') found.set(`${did.scope}:${did.name}`, did);
        if (child.type === 'CONTAINER') next.push(did);
      }
    queue = next;
  }
  return [...found.values()];
}

describe('the DID page’s rules, replica summary and counts against the real Rucio', () => {
  it('when a file of a seeded dataset is opened, then every rule on its dataset comes, marked as on the dataset', async () => {
    const { rules } = DidRuleList.parse(await (await api(didUrl(file, '/rules'))).json());
    const onDataset = await all(rucio.listDidRules({ token, ...dataset }));
    expect(onDataset.length).toBeGreaterThan(0);
    for (const expected of onDataset)
      expect(rules.find((r) => r.id === expected.id)).toMatchObject({
        direct: false,
        on: { ...dataset, type: 'DATASET' },
        state: expected.state,
      });
    const associated = await all(rucio.listAssociatedRules({ token, ...file }));
    expect(rules.map((r) => r.id).sort()).toEqual(associated.map((r) => r.id).sort());
  });

  it('when a container is summarised, then per RSE its totals are the sums over its datasets’ replicas read one by one from Rucio', async () => {
    const summary = ReplicaSummary.parse(
      await (await api(didUrl(container, '/replicas/summary'))).json(),
    );
    const children = await all(rucio.listContents({ token, ...container }));
    const datasets = children.filter((c) => c.type === 'DATASET');
    expect(datasets.length).toBe(children.length); // a month holds nights, no sub-container
    // Each dataset as its own page shows it: counted now, plus RSEs only Rucio's table lists.
    const expected = new Map<string, { files: number; available: number; bytes: number }>();
    for (const ds of datasets) {
      const perRse = new Map<string, DatasetReplicaDto>();
      for (const deep of [false, true])
        for (const r of await all(rucio.listDatasetReplicas({ token, ...ds, deep })))
          perRse.set(r.rse, r);
      for (const r of perRse.values()) {
        const sum = expected.get(r.rse) ?? { files: 0, available: 0, bytes: 0 };
        sum.files += r.length ?? 0;
        sum.available += r.available_length ?? 0;
        sum.bytes += r.bytes ?? 0;
        expected.set(r.rse, sum);
      }
    }
    expect(summary.source).toBe('container_deep');
    expect(summary.container).toEqual({ datasets: datasets.length, partial: false });
    expect(summary.rses.length).toBeGreaterThan(1);
    expect(
      Object.fromEntries(
        summary.rses.map((r) => [
          r.rse,
          { files: r.totalFiles, available: r.availableFiles, bytes: r.totalBytes },
        ]),
      ),
    ).toEqual(Object.fromEntries(expected));
  });

  it('when a large container is summarised, then Rucio’s table is summed: per RSE the sums over each dataset’s table rows', async () => {
    const root = { scope: container.scope, name: '/ctao/acada' };
    const summary = ReplicaSummary.parse(
      await (await api(didUrl(root, '/replicas/summary'))).json(),
    );
    expect(summary.source).toBe('container_table');
    expect(summary.container?.partial).toBe(false);
    const datasets = await datasetsBelow(root);
    expect(summary.container?.datasets).toBe(datasets.length);
    const expected = new Map<string, { files: number; available: number }>();
    for (const ds of datasets)
      for (const r of await all(rucio.listDatasetReplicas({ token, ...ds }))) {
        const sum = expected.get(r.rse) ?? { files: 0, available: 0 };
        sum.files += r.length ?? 0;
        sum.available += r.available_length ?? 0;
        expected.set(r.rse, sum);
      }
    expect(
      Object.fromEntries(
        summary.rses.map((r) => [r.rse, { files: r.totalFiles, available: r.availableFiles }]),
      ),
    ).toEqual(Object.fromEntries(expected));
  });

  it('when a container is listed, then each dataset row says the number of files Rucio counts in it', async () => {
    const lines = (await (await api(didUrl(container, '/contents'))).text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown);
    const rows = lines.slice(0, -1).map((l) => DidListingRow.parse(l));
    expect(StreamTrailer.parse(lines.at(-1))).toEqual({ end: { count: rows.length } });
    for (const row of rows.slice(0, 5)) {
      const record = await rucio.getDid({ token, scope: row.scope, name: row.name });
      expect({ name: row.name, length: row.length, bytes: row.bytes }).toEqual({
        name: row.name,
        length: record.length,
        bytes: record.bytes,
      });
    }
  });
});
