import { DidParams, ScopeName } from '../names.ts';
import { DID_INPUT_ERRORS, errors, route } from '../route-def.ts';
import { DidSummary } from '../schemas.ts';
import { DidDetails, DidRuleList, ReplicaSummary, ScopeRoots } from './schemas.ts';
import { z } from 'zod';

const EXAMPLES = { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' };

/** Every route that reads one DID from Rucio: refusals Rucio explains reach the user in its words. */
const DID_ERRORS = errors(DID_INPUT_ERRORS, {
  403: ['forbidden'],
  404: ['not_found'],
  409: ['rucio_refused'],
});

/** Browsing and the DID page (issue 6, items 1 and 2). */
export const didRoutes = {
  scopeRoots: route({
    method: 'get',
    path: '/api/scopes/:scope/roots',
    summary:
      "Where browsing a scope starts: the scope's datasets and containers that no other collection of the scope contains by name (CTAO names are paths).",
    auth: true,
    params: z.object({ scope: ScopeName }),
    examples: { scope: EXAMPLES.scope },
    response: ScopeRoots,
    errors: DID_ERRORS,
  }),
  didInfo: route({
    method: 'get',
    path: '/api/dids/:scope/:name',
    summary:
      'One DID: type, owner, size and file count (collections summed over their files), checksums, dates, status, lifetime, and all its metadata (JSON plugin and DID columns), typed.',
    auth: true,
    params: DidParams,
    examples: EXAMPLES,
    response: DidDetails,
    errors: DID_ERRORS,
  }),
  didParents: route({
    method: 'get',
    path: '/api/dids/:scope/:name/parents',
    summary:
      'The datasets and containers the DID is attached to, streamed as NDJSON (DidSummary lines, then a StreamTrailer). Rucio lists none for an unknown DID.',
    auth: true,
    params: DidParams,
    examples: EXAMPLES,
    response: DidSummary,
    stream: true,
    errors: DID_ERRORS,
  }),
  didRules: route({
    method: 'get',
    path: '/api/dids/:scope/:name/rules',
    summary:
      'The replication rules on the DID, with their states and lock counts; for a file also the rules on its datasets and containers that hold it (each says the DID it is on).',
    auth: true,
    params: DidParams,
    examples: EXAMPLES,
    response: DidRuleList,
    errors: DID_ERRORS,
  }),
  didReplicaSummary: route({
    method: 'get',
    path: '/api/dids/:scope/:name/replicas/summary',
    summary:
      'Per RSE: files available / total and bytes. Datasets from Rucio’s dataset replicas, files from their own replicas, containers summed over their datasets (`source` says which view).',
    auth: true,
    params: DidParams,
    examples: EXAMPLES,
    response: ReplicaSummary,
    errors: DID_ERRORS,
  }),
} as const;
