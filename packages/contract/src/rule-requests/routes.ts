import { errors, INPUT_ERRORS, route, RUCIO_ERRORS, SESSION_ERRORS } from '../route-def.ts';
import {
  RseExpressionPreview,
  RseExpressionQuery,
  RuleQuote,
  RuleQuoteInput,
  RuleRequestInput,
  RuleRequestResult,
} from './schemas.ts';

/**
 * Refusals Rucio explains come back as `rucio_refused` with `details.field` naming the input they
 * are about (rseExpression, dids, copies, lifetimeSeconds, askApproval), for the form to show there.
 */
const REQUEST_ERRORS = errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
  400: ['rucio_refused'],
  403: ['csrf_rejected'],
  404: ['not_found'],
  409: ['rucio_refused'],
});

/** Requesting a replication rule (issue 7, item 4). */
export const ruleRequestRoutes = {
  resolveRses: route({
    method: 'get',
    path: '/api/rse-expressions',
    summary:
      'The RSEs an RSE expression resolves to (a 400 naming the expression when Rucio cannot resolve it).',
    auth: true,
    query: RseExpressionQuery,
    response: RseExpressionPreview,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS),
  }),
  quoteRule: route({
    method: 'post',
    path: '/api/rule-quotes',
    summary:
      "What a rule would cost before it is asked for: the DIDs' files and bytes, and per RSE the expression resolves to, the account's local limit and usage before and after a copy.",
    auth: true,
    body: RuleQuoteInput,
    response: RuleQuote,
    errors: REQUEST_ERRORS,
  }),
  requestRule: route({
    method: 'post',
    path: '/api/rules',
    summary:
      'Asks Rucio for a replication rule on each DID, charged to the signed-in account; over quota with `askApproval` the rules wait for approval.',
    auth: true,
    body: RuleRequestInput,
    response: RuleRequestResult,
    success: 201,
    errors: REQUEST_ERRORS,
  }),
} as const;
