import type { BulkMetaDto, BulkMetaOptions } from '@bdms/rucio-client';

/*
 * A batch's metadata as Rucio's plugin ALL gives it (DID columns, then the JSON keys over them),
 * asked as two requests at once: DID_COLUMN and JSON. Rucio 41 answers ALL by reading each DID
 * twice more, one query per DID and plugin, after its bulk select (core/did.py get_metadata_bulk);
 * DID_COLUMN is the bulk select alone and JSON adds one query per DID. So the pair costs Rucio
 * about half of ALL, and its halves run side by side: the search's first rows come sooner.
 * Used for the first, small batches only, where latency counts and two requests per batch stay a
 * constant; the bulk of a result goes as ALL, one request per 1 000 rows.
 */

type BulkMeta = (o: BulkMetaOptions) => AsyncIterable<BulkMetaDto>;

const key = (r: { scope: string; name: string }): string => `${r.scope}:${r.name}`;

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** The records plugin ALL would give for `o.dids`, in the DID-column answer's order. */
export async function* splitBulkMeta(
  bulkMeta: BulkMeta,
  o: Omit<BulkMetaOptions, 'plugin'>,
): AsyncGenerator<BulkMetaDto> {
  const [columns, json] = await Promise.all([
    collect(bulkMeta({ ...o, plugin: 'DID_COLUMN' })),
    collect(bulkMeta({ ...o, plugin: 'JSON' })),
  ]);
  const meta = new Map(json.map((r) => [key(r), r]));
  for (const record of columns) yield { ...record, ...meta.get(key(record)) };
}
