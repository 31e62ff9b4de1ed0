import { z } from 'zod';
import { didPath, scopedPath } from '../did-path.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

/**
 * Rucio's lock states as its lock listings write them on Rucio 41 (recorded): the names, although
 * the API's own documentation says `R`, `O`, `S`.
 */
export const LockStateDto = z.enum(['OK', 'REPLICATING', 'STUCK']);

/**
 * One dataset lock: a rule's hold on a dataset at one RSE (GET /locks/…). Rucio 41 leaves `bytes`
 * and `length` null (recorded): sizes come from the dataset replicas.
 */
export const DatasetLockDto = z
  .object({
    scope: z.string(),
    name: z.string(),
    rse: z.string(),
    rule_id: z.string(),
    account: z.string().optional(),
    state: LockStateDto,
    length: z.number().nullable().optional(),
    bytes: z.number().nullable().optional(),
    accessed_at: z.string().nullable().optional(),
  })
  .loose();
export type DatasetLockDto = z.infer<typeof DatasetLockDto>;

/** Rucio's cap on DIDs per `POST /locks/bulk_locks_for_dids` the portal keeps (like datasets_bulk). */
export const BULK_LOCKS_MAX = 1000;

/** GET /locks/<scope>/<name>?did_type=dataset, streamed: the dataset's locks, one per rule and RSE. */
export const listDatasetLocks =
  (t: Transport) =>
  ({
    scope,
    name,
    ...auth
  }: AuthOptions & { scope: string; name: string }): AsyncIterable<DatasetLockDto> =>
    streamed(t, `${scopedPath('locks', scope, name)}?did_type=dataset`, DatasetLockDto, auth);

/**
 * POST /locks/bulk_locks_for_dids, streamed: the dataset locks of up to BULK_LOCKS_MAX datasets
 * (or containers, which Rucio expands to their datasets) in one call.
 */
export const listDatasetLocksBulk =
  (t: Transport) =>
  ({
    dids,
    ...auth
  }: AuthOptions & {
    dids: readonly { scope: string; name: string; type: 'DATASET' | 'CONTAINER' }[];
  }): AsyncIterable<DatasetLockDto> => {
    if (dids.length === 0 || dids.length > BULK_LOCKS_MAX)
      throw new RangeError(
        `bulk_locks_for_dids takes 1 to ${BULK_LOCKS_MAX} DIDs, not ${dids.length}`,
      );
    for (const { scope, name } of dids) didPath(scope, name);
    const body = {
      dids: dids.map(({ scope, name, type }) => ({ scope, name, type: type.toLowerCase() })),
    };
    return streamed(t, '/locks/bulk_locks_for_dids', DatasetLockDto, {
      ...auth,
      method: 'POST',
      body,
    });
  };
