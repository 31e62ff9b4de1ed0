import { describe, expect, it } from 'vitest';
import { DidListingRow, DidRuleList, ReplicaSummary, StreamTrailer } from '@bdms/contract';
import { loadRecording, recordedMeta, type Recording } from '@bdms/rucio-client/testing';
import { replayGet } from './replay-app.ts';

/*
 * A file's rules through its dataset, a container's replica summary and a container's listing
 * with its datasets' file counts: the BFF over the real client replaying the real Rucio's answers
 * (scripts/record-did-extras.ts).
 */

const { dataset, file, container } = recordedMeta();
const url = (did: { scope: string; name: string }, tail = '') =>
  `/api/dids/${encodeURIComponent(did.scope)}/${encodeURIComponent(did.name)}${tail}`;
const lines = (name: string) =>
  loadRecording(name)
    .response.body.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const get = (path: string, recordings: (string | Recording)[]) => replayGet(path, recordings);

describe('GET /api/dids/:scope/:name/rules for a file', () => {
  it('when its dataset has rules, then each comes marked as on the dataset, with its state', async () => {
    const { res } = await get(url(file, '/rules'), ['did-rules-file', 'did-associated-rules-file']);
    const { rules } = DidRuleList.parse(res.body);
    const recorded = lines('did-associated-rules-file');
    expect(rules.map((r) => r.id)).toEqual(recorded.map((r) => r.id));
    for (const rule of rules)
      expect(rule).toMatchObject({
        direct: false,
        on: { ...dataset, type: 'DATASET' },
        state: 'OK',
      });
  });

  it('when the file does not exist, then 404', async () => {
    const nope = { ...file, name: `${file.name}-nope` };
    // Rucio's 404 to the rules of an unknown dataset, answered for this unknown file.
    const direct = loadRecording('did-rules-not-found');
    const path = `${url(nope).replace(/^\/api/, '')}/rules`;
    const { res } = await get(url(nope, '/rules'), [
      { ...direct, request: { ...direct.request, path } },
      'did-associated-rules-not-found',
    ]);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('not found');
  });
});

describe('GET /api/dids/:scope/:name/replicas/summary for a container', () => {
  const RECORDED = [
    'did-info-container',
    'list-dids-container',
    'dataset-replicas-bulk-container',
    'dataset-replicas-container-0-deep',
    'dataset-replicas-container-1-deep',
    'dataset-replicas-container-2-deep',
  ];

  it('when its few datasets are counted now, then each RSE sums them, the onsite copy the table lacks included', async () => {
    const { res, seen } = await get(url(container, '/replicas/summary'), RECORDED);
    const summary = ReplicaSummary.parse(res.body);
    const datasets = lines('list-dids-container');
    expect(summary).toMatchObject({
      source: 'container_deep',
      container: { datasets: datasets.length, partial: false },
    });
    const deep = RECORDED.slice(3).flatMap(lines);
    const onsite = deep.filter((r) => r.rse === 'CTAO-N-ONSITE');
    expect(summary.rses.find((r) => r.rse === 'CTAO-N-ONSITE')).toMatchObject({
      totalFiles: onsite.reduce((n, r) => n + Number(r.length), 0),
      datasets: { complete: datasets.length, total: datasets.length },
    });
    expect(lines('dataset-replicas-bulk-container').some((r) => r.rse === 'CTAO-N-ONSITE')).toBe(
      false,
    );
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(1);
  });
});

describe('GET /api/dids/:scope/:name/contents for a container', () => {
  it('when its open datasets are listed, then each carries its file count and size from Rucio’s dataset replicas, in one bulk call each', async () => {
    const { res, seen } = await get(url(container, '/contents'), [
      'list-dids-container',
      'bulkmeta-column-collections',
      'dataset-replicas-bulk-container',
    ]);
    const all = res.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown);
    const rows = all.slice(0, -1).map((l) => DidListingRow.parse(l));
    expect(StreamTrailer.parse(all.at(-1))).toEqual({ end: { count: rows.length } });
    const replicas = lines('dataset-replicas-bulk-container');
    for (const row of rows) {
      const r = replicas.find((x) => x.name === row.name);
      expect(row).toMatchObject({ type: 'DATASET', length: r?.length, bytes: r?.bytes });
    }
    expect(
      seen
        .map((s) => new URL(s.url).pathname)
        .slice(1)
        .sort(),
    ).toEqual(['/dids/bulkmeta', '/replicas/datasets_bulk']);
  });
});
