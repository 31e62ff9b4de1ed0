import type { DatasetReplicaDto, DidContentDto, RuleDto } from '@bdms/rucio-client';

/** Made-up Rucio answers for the DID page's service tests (dids-*.test.ts). */

export const signal = new AbortController().signal;
export const did = (name: string, type: DidContentDto['type'] = 'DATASET'): DidContentDto => ({
  scope: 'acada',
  name,
  type,
  bytes: type === 'FILE' ? 10 : null,
});
export async function* rows<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}
/** A listing that fails before its first row, as Rucio's 500 does. */
export const failing = (): AsyncIterable<never> => ({
  [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('Rucio answered 500')) }),
});
export async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
export const replica = (
  name: string,
  rse: string,
  length: number,
  available: number,
): DatasetReplicaDto => ({
  scope: 'acada',
  name,
  rse,
  length,
  available_length: available,
  bytes: length * 10,
  available_bytes: available * 10,
  state: available === length ? 'AVAILABLE' : 'UNAVAILABLE',
});
export const rule = (id: string, name: string, type: RuleDto['did_type'] = 'DATASET'): RuleDto => ({
  id,
  account: 'root',
  scope: 'acada',
  name,
  did_type: type,
  state: 'OK',
  rse_expression: 'OFFSITE',
  copies: 1,
  locks_ok_cnt: 1,
  locks_replicating_cnt: 0,
  locks_stuck_cnt: 0,
});

/** /c holds /c/d1 and /c/sub; /c/sub holds /c/d1 again, /c/sub/d2 and /c/sub/d3. */
export const TREE: Record<string, DidContentDto[]> = {
  '/c': [did('/c/d1'), did('/c/sub', 'CONTAINER')],
  '/c/sub': [did('/c/d1'), did('/c/sub/d2'), did('/c/sub/d3')],
};
export const REPLICAS = [
  replica('/c/d1', 'SITE_A', 5, 5),
  replica('/c/d1', 'SITE_B', 5, 2),
  replica('/c/sub/d2', 'SITE_A', 3, 3),
];
