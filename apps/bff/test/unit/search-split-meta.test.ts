import { describe, expect, it } from 'vitest';
import type { BulkMetaDto, BulkMetaOptions } from '@bdms/rucio-client';
import { loadRecording } from '@bdms/rucio-client/testing';
import { splitBulkMeta } from '../../src/search/split-meta.ts';

/*
 * The search's first batches ask Rucio for DID columns and JSON keys apart (split-meta.ts): what
 * they give together must be what plugin ALL gives, checked on the real server's answers to the
 * same DIDs under the three plugins (record-search-fixtures.ts).
 */

const records = (recording: string): BulkMetaDto[] =>
  loadRecording(recording)
    .response.body.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as BulkMetaDto);

const byName = (a: BulkMetaDto, b: BulkMetaDto) => a.name.localeCompare(b.name);

describe('splitBulkMeta: the DID_COLUMN and JSON pair as plugin ALL', () => {
  it('when Rucio’s recorded answers are merged, then each record equals plugin ALL’s', async () => {
    const asked: BulkMetaOptions[] = [];
    const recorded = {
      ALL: 'search-bulkmeta-all',
      DID_COLUMN: 'search-bulkmeta-column',
      JSON: 'search-bulkmeta-json',
    } as const;
    const bulkMeta = (o: BulkMetaOptions) => {
      asked.push(o);
      return (async function* () {
        await Promise.resolve();
        yield* records(recorded[o.plugin]);
      })();
    };
    const dids = records('search-bulkmeta-all').map(({ scope, name }) => ({ scope, name }));
    const merged: BulkMetaDto[] = [];
    for await (const r of splitBulkMeta(bulkMeta, { token: 't', dids })) merged.push(r);

    expect(asked.map((o) => o.plugin).sort()).toEqual(['DID_COLUMN', 'JSON']);
    expect(merged.length).toBeGreaterThan(1);
    expect(merged.sort(byName)).toEqual(records('search-bulkmeta-all').sort(byName));
  });

  it('when one of the pair fails, then the batch fails with that error', async () => {
    const bulkMeta = (o: BulkMetaOptions) =>
      (async function* () {
        await Promise.resolve();
        if (o.plugin === 'JSON') throw new Error('JSON plugin broke');
        yield { scope: 's', name: 'n', did_type: 'FILE' };
      })();
    const run = async () => {
      const seen: BulkMetaDto[] = [];
      const o = { token: 't', dids: [{ scope: 's', name: 'n' }] };
      for await (const r of splitBulkMeta(bulkMeta, o)) seen.push(r);
      return seen;
    };
    await expect(run()).rejects.toThrow('JSON plugin broke');
  });
});
