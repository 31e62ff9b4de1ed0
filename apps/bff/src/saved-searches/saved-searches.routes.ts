import { Router, type Request } from 'express';
import { api } from '@bdms/contract';
import { signedIn } from '../auth/require-session.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import type { Caller, SavedSearchesService } from './saved-searches.service.ts';

/** req.id is always a string from our request-id middleware; pino-http types it loosely. */
const callerOf = (req: Request): Caller => ({
  user: signedIn(req).user,
  requestId: typeof req.id === 'string' ? req.id : undefined,
});

/** Behind requireSession; the changes pass the CSRF middleware like every POST/PATCH/DELETE. */
export function savedSearchesRoutes(saved: SavedSearchesService): Router {
  const router = Router();
  const { listSavedSearches, createSavedSearch, getSavedSearch } = api;
  const { renameSavedSearch, deleteSavedSearch, recordSavedSearchRun } = api;

  router.get(listSavedSearches.path, async (req, res) => {
    respond(res, listSavedSearches.response, await saved.list(signedIn(req).user));
  });
  router.post(createSavedSearch.path, validated(createSavedSearch), async (req, res) => {
    const { body } = inputOf(req, res, createSavedSearch);
    const created = await saved.create(callerOf(req), body);
    res.location(`${createSavedSearch.path}/${created.id}`);
    respond(res, createSavedSearch.response, created, 201);
  });
  router.get(getSavedSearch.path, validated(getSavedSearch), async (req, res) => {
    const { id } = inputOf(req, res, getSavedSearch).params;
    respond(res, getSavedSearch.response, await saved.get(signedIn(req).user, id));
  });
  router.patch(renameSavedSearch.path, validated(renameSavedSearch), async (req, res) => {
    const { params, body } = inputOf(req, res, renameSavedSearch);
    respond(res, renameSavedSearch.response, await saved.update(callerOf(req), params.id, body));
  });
  router.delete(deleteSavedSearch.path, validated(deleteSavedSearch), async (req, res) => {
    const { id } = inputOf(req, res, deleteSavedSearch).params;
    await saved.remove(callerOf(req), id);
    res.status(204).end();
  });
  router.post(recordSavedSearchRun.path, validated(recordSavedSearchRun), async (req, res) => {
    const { params, body } = inputOf(req, res, recordSavedSearchRun);
    const user = signedIn(req).user;
    respond(res, recordSavedSearchRun.response, await saved.recordRun(user, params.id, body));
  });
  return router;
}
