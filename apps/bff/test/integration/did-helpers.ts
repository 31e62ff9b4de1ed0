/** What the DID page's integration tests share: the BFF's DID URLs and reading a stream whole. */

export const didUrl = (did: { scope: string; name: string }, tail = ''): string =>
  `/api/dids/${encodeURIComponent(did.scope)}/${encodeURIComponent(did.name)}${tail}`;

export async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}
