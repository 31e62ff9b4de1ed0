import { errors, INPUT_ERRORS, route, RUCIO_ERRORS, SESSION_ERRORS } from '../route-def.ts';
import {
  RULE_TRANSFERS_LIMIT,
  RuleDetails,
  RuleList,
  RuleParams,
  RulesQuery,
  RuleTransfers,
} from './schemas.ts';

/** Rules and their progress (issue 7, item 3). */
export const ruleRoutes = {
  rules: route({
    method: 'get',
    path: '/api/rules',
    summary:
      "The replication rules of the signed-in account, or (portal admins) of any account, optionally of one state, with their locks OK / replicating / stuck. Rucio would list any account's rules to anyone; the portal keeps them to their account and to admins.",
    auth: true,
    query: RulesQuery,
    response: RuleList,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, { 403: ['forbidden'] }),
  }),
  rule: route({
    method: 'get',
    path: '/api/rules/:id',
    summary:
      "One rule and its file locks counted per RSE and state (Rucio's lock listing, one line per file, aggregated as it streams). 404 for an unknown id.",
    auth: true,
    params: RuleParams,
    examples: { id: '76aff86194664f7297c16421ed3d3490' },
    response: RuleDetails,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, { 404: ['not_found'] }),
  }),
  ruleTransfers: route({
    method: 'get',
    path: '/api/rules/:id/transfers',
    summary: `The transfers of a rule's files that are not OK yet (REPLICATING or STUCK locks, at most ${RULE_TRANSFERS_LIMIT}): for each, Rucio's request to the lock's RSE, asked one file at a time with the user's token (Rucio shows these to any account, while its request listing is for admins only). A file without a request (not queued yet, or done) has request null. 404 for an unknown id.`,
    auth: true,
    params: RuleParams,
    examples: { id: '76aff86194664f7297c16421ed3d3490' },
    response: RuleTransfers,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
    }),
  }),
} as const;
