import { DidParams } from '../names.ts';
import { DID_INPUT_ERRORS, errors, route } from '../route-def.ts';
import { ReplicaStates, SelectionInput, SelectionReplicaSummary } from './schemas.ts';

/** Replica maps beyond one DID's summary (issue 7, item 1). */
export const replicaRoutes = {
  didReplicaStates: route({
    method: 'get',
    path: '/api/dids/:scope/:name/replicas/states',
    summary:
      "Per RSE, the DID's file replicas by Rucio's replica state (AVAILABLE, COPYING, BAD…), counted now from Rucio's replica list (one call; collections resolved to files by Rucio).",
    auth: true,
    params: DidParams,
    examples: { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' },
    response: ReplicaStates,
    errors: errors(DID_INPUT_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
    }),
  }),
  selectionReplicas: route({
    method: 'post',
    path: '/api/replicas/summary',
    summary:
      'Where a selection of DIDs (files, datasets, containers) lives, per RSE: files available / total and bytes summed over them. Asks Rucio in bulk: one call for the files, the datasets as for a container (never one call per file). A read: it changes nothing.',
    auth: true,
    body: SelectionInput,
    response: SelectionReplicaSummary,
    errors: errors(DID_INPUT_ERRORS, {
      403: ['csrf_rejected', 'forbidden'],
    }),
  }),
} as const;
