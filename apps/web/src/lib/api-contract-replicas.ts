/**
 * Twin of the selection's replica map route (see api-contract.ts for why twins): only the page
 * that maps a search selection imports it, lazily.
 */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';
import { ReplicaSource, RseReplicaRow } from './api-contract-dids.ts';

const Int = z.int();

/** Spelled out, not z.extend (see api-contract.ts): ReplicaSummary plus what the sums cover. */
export const SelectionReplicaSummary = z.object({
  source: ReplicaSource,
  rses: z.array(RseReplicaRow),
  container: z.optional(z.object({ datasets: Int, partial: z.boolean() })),
  selection: z.object({
    files: Int,
    datasets: Int,
    containers: Int,
    datasetsSummed: Int,
    partial: z.boolean(),
    unknown: z.array(z.string()),
  }),
});

/** Keyed like the contract's `api`. */
export const replicaApi = {
  selectionReplicas: {
    method: 'post',
    path: '/api/replicas/summary',
    response: SelectionReplicaSummary,
  },
} as const satisfies { [K in keyof Api]?: ClientRoute };
