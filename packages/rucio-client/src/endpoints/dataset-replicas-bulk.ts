import { didPath } from '../did-path.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';
import { DatasetReplicaDto } from './replicas.ts';

/** Rucio's cap on DIDs per `POST /replicas/datasets_bulk` call (schema `r_dids`, maxItems). */
export const DATASET_REPLICAS_BULK_MAX = 1000;

/**
 * POST /replicas/datasets_bulk `{"dids":[{scope,name}…]}`, streamed: one line per dataset and RSE
 * from Rucio's collection-replica table, as its daemon (abacus-collection-replica) last computed
 * it; there is no `deep` variant. Only datasets are answered (containers and unknown DIDs give no
 * line); order is not the request's. An empty list is refused by Rucio (400), so it is refused
 * here first, as are more than 1 000 DIDs.
 */
export const listDatasetReplicasBulk =
  (t: Transport) =>
  ({
    dids,
    ...auth
  }: AuthOptions & {
    dids: readonly { scope: string; name: string }[];
  }): AsyncIterable<DatasetReplicaDto> => {
    if (dids.length === 0 || dids.length > DATASET_REPLICAS_BULK_MAX)
      throw new RangeError(
        `datasets_bulk takes 1 to ${DATASET_REPLICAS_BULK_MAX} DIDs, not ${dids.length}`,
      );
    // The DID path helper refuses what Rucio could not address; the DIDs travel in the body.
    for (const { scope, name } of dids) didPath(scope, name);
    const body = { dids: dids.map(({ scope, name }) => ({ scope, name })) };
    return streamed(t, '/replicas/datasets_bulk', DatasetReplicaDto, {
      ...auth,
      method: 'POST',
      body,
    });
  };
