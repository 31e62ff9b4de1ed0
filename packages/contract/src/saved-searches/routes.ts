import { errors, INPUT_ERRORS, route, SESSION_ERRORS } from '../route-def.ts';
import {
  NewSavedSearch,
  NoContent,
  SavedSearch,
  SavedSearchChanges,
  SavedSearchList,
  SavedSearchParams,
  SavedSearchRunReport,
} from './schemas.ts';

const EXAMPLE = { id: '0b6e3f0e-8f1c-4d7e-9a3b-5c2d1e0f4a6b' };

/** Not Rucio: the portal's own database. Another user's id is "not found", never "forbidden". */
const ONE = errors(INPUT_ERRORS, SESSION_ERRORS, { 404: ['not_found'] });
/** Changes need X-CSRF: 1 and the portal's origin (the CSRF middleware). */
const CHANGE = { 403: ['csrf_rejected'] } as const;

/** Saved searches, per user, in the portal database (issue 6, "Results"). */
export const savedSearchRoutes = {
  listSavedSearches: route({
    method: 'get',
    path: '/api/saved-searches',
    summary:
      'The signed-in user’s saved searches, newest first, each with the problems its query would have today',
    auth: true,
    response: SavedSearchList,
    errors: SESSION_ERRORS,
  }),
  createSavedSearch: route({
    method: 'post',
    path: '/api/saved-searches',
    summary:
      'Save a search. 400 naming the field when the query would be refused; 409 when the name is taken (ignoring case) or the user keeps the most saved searches allowed.',
    auth: true,
    body: NewSavedSearch,
    response: SavedSearch,
    success: 201,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, CHANGE, { 409: ['conflict'] }),
  }),
  getSavedSearch: route({
    method: 'get',
    path: '/api/saved-searches/:id',
    summary: 'One of the user’s saved searches',
    auth: true,
    params: SavedSearchParams,
    examples: EXAMPLE,
    response: SavedSearch,
    errors: ONE,
  }),
  renameSavedSearch: route({
    method: 'patch',
    path: '/api/saved-searches/:id',
    summary: 'Rename a saved search; 409 when the user has another by that name (ignoring case)',
    auth: true,
    params: SavedSearchParams,
    examples: EXAMPLE,
    body: SavedSearchChanges,
    response: SavedSearch,
    errors: errors(ONE, CHANGE, { 409: ['conflict'] }),
  }),
  deleteSavedSearch: route({
    method: 'delete',
    path: '/api/saved-searches/:id',
    summary: 'Delete a saved search',
    auth: true,
    params: SavedSearchParams,
    examples: EXAMPLE,
    response: NoContent,
    success: 204,
    errors: errors(ONE, CHANGE),
  }),
  recordSavedSearchRun: route({
    method: 'post',
    path: '/api/saved-searches/:id/runs',
    summary:
      'Record a finished re-run (its row count and whether the result was complete) as the last run, now',
    auth: true,
    params: SavedSearchParams,
    examples: EXAMPLE,
    body: SavedSearchRunReport,
    response: SavedSearch,
    errors: errors(ONE, CHANGE),
  }),
} as const;
