import { DidParams } from '../names.ts';
import { errors, INPUT_ERRORS, route, RUCIO_ERRORS, SESSION_ERRORS } from '../route-def.ts';
import { ReplicaLocks, RseDetails, RseParams, RseSiteList } from './schemas.ts';

const RSE_ERRORS = errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
  403: ['forbidden'],
  404: ['not_found'],
});

/** Where data lives (issue 7): RSEs on the map, RSE pages, a DID's locks per RSE. */
export const rseRoutes = {
  rses: route({
    method: 'get',
    path: '/api/rses',
    summary:
      "Every RSE with its type, coordinates, city and country (Rucio's RSE records), for the sites map and every replica map.",
    auth: true,
    response: RseSiteList,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS),
  }),
  rse: route({
    method: 'get',
    path: '/api/rses/:rse',
    summary:
      "One RSE: where it is, its attributes and protocols, usage by source, every account's usage and limit on it, and the datasets with the most bytes there.",
    auth: true,
    params: RseParams,
    examples: { rse: 'DESY-ZN-DISK' },
    response: RseDetails,
    errors: RSE_ERRORS,
  }),
  didLocks: route({
    method: 'get',
    path: '/api/dids/:scope/:name/replicas/locks',
    summary:
      'Per RSE, the rule locks holding the DID there by state (OK, REPLICATING, STUCK): dataset locks of the dataset, of the datasets of a container, or of the datasets that hold a file.',
    auth: true,
    params: DidParams,
    examples: { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' },
    response: ReplicaLocks,
    errors: errors(RSE_ERRORS, { 400: ['rucio_refused'] }),
  }),
} as const;
