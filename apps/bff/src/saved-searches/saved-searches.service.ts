import {
  formatFilter,
  MAX_SAVED_SEARCHES,
  validateQuery,
  type NewSavedSearch,
  type SavedSearch,
  type SavedSearchChanges,
  type SavedSearchList,
  type SavedSearchRunReport,
} from '@bdms/contract';
import type { Logger } from 'pino';
import type { Json } from '../db/database.ts';
import type { SessionUser } from '../auth/session-data.ts';
import { AppError } from '../errors.ts';
import { recordBestEffort } from '../lib/best-effort-audit.ts';
import { toSavedSearch } from './saved-search-view.ts';
import type {
  SavedSearchOwner,
  SavedSearchRecord,
  SavedSearchRepo,
} from './saved-searches.repo.ts';

/** One row of the audit trail, as this service writes it. */
export interface SavedSearchAuditEntry {
  actor: { sub: string; username: string };
  action: 'saved_search_create' | 'saved_search_rename' | 'saved_search_delete';
  /** The saved search's id. */
  target: string;
  before?: Json;
  after?: Json;
  result: 'ok';
  requestId: string | undefined;
}

export interface SavedSearchesDeps {
  repo: SavedSearchRepo;
  /** The audit trail (app.ts passes the AuditRepo; a service never imports another capability). */
  audit: { record(entry: SavedSearchAuditEntry): Promise<unknown> };
  logger: Logger;
  /** The configured issuer, for sessions from before the issuer was kept with the user. */
  issuer: string;
  /** Per user; MAX_SAVED_SEARCHES unless a test says otherwise. */
  max?: number;
}

/** Who asks, and the request to name in the audit trail. */
export interface Caller {
  user: SessionUser;
  requestId: string | undefined;
}

const notFound = (): AppError =>
  new AppError(404, 'not_found', 'You have no saved search with this id.');

const nameTaken = (name: string): AppError =>
  new AppError(
    409,
    'conflict',
    `You already have a saved search named "${name}" (names are compared ignoring case). Choose another name.`,
    { details: { field: 'name' } },
  );

/** A new save must run today: 400 naming each field, like any search (body.query.…). */
function checkNewQuery(query: NewSavedSearch['query']): string {
  const checked = validateQuery(query);
  if (checked.ok) return formatFilter(checked.query);
  const fields = checked.errors.map((e) => `body.query.${e.field}: ${e.message}`).join('; ');
  throw new AppError(400, 'bad_request', `Invalid ${fields}.`, {
    details: { problems: checked.errors },
  });
}

export function createSavedSearchesService(deps: SavedSearchesDeps) {
  const max = deps.max ?? MAX_SAVED_SEARCHES;
  const ownerOf = (user: SessionUser): SavedSearchOwner => ({
    sub: user.sub,
    iss: user.iss ?? deps.issuer,
  });
  const found = (record: SavedSearchRecord | undefined): SavedSearch => {
    if (!record) throw notFound();
    return toSavedSearch(record);
  };

  /**
   * Best effort, like sign-in and sign-out: a saved search is the user's own bookmark and changes
   * nothing in Rucio, so a failed audit write is logged (with the row) rather than undoing it.
   */
  async function audited(
    caller: Caller,
    entry: Omit<SavedSearchAuditEntry, 'actor' | 'result' | 'requestId'>,
  ) {
    const row: SavedSearchAuditEntry = {
      ...entry,
      actor: { sub: caller.user.sub, username: caller.user.username },
      result: 'ok',
      requestId: caller.requestId,
    };
    await recordBestEffort(deps.audit, deps.logger, row);
  }

  return {
    async list(user: SessionUser): Promise<SavedSearchList> {
      const records = await deps.repo.list(ownerOf(user));
      return { savedSearches: records.map(toSavedSearch), max };
    },

    async get(user: SessionUser, id: string): Promise<SavedSearch> {
      return found(await deps.repo.get(ownerOf(user), id));
    },

    async create(caller: Caller, body: NewSavedSearch): Promise<SavedSearch> {
      const filter = checkNewQuery(body.query);
      const result = await deps.repo.create(
        ownerOf(caller.user),
        { name: body.name, query: body.query, filter },
        max,
      );
      if (!result.ok && result.reason === 'duplicate_name') throw nameTaken(body.name);
      if (!result.ok)
        throw new AppError(
          409,
          'conflict',
          `You have ${max} saved searches, the most the portal keeps per user. Delete some you no longer need to save this one.`,
        );
      const { saved } = result;
      await audited(caller, {
        action: 'saved_search_create',
        target: saved.id,
        after: { name: saved.name },
      });
      return toSavedSearch(saved);
    },

    async update(caller: Caller, id: string, changes: SavedSearchChanges): Promise<SavedSearch> {
      const owner = ownerOf(caller.user);
      if (changes.name === undefined) return found(await deps.repo.get(owner, id));
      const result = await deps.repo.rename(owner, id, changes.name);
      if (!result.ok) throw result.reason === 'not_found' ? notFound() : nameTaken(changes.name);
      if (result.previousName !== result.saved.name)
        await audited(caller, {
          action: 'saved_search_rename',
          target: id,
          before: { name: result.previousName },
          after: { name: result.saved.name },
        });
      return toSavedSearch(result.saved);
    },

    async remove(caller: Caller, id: string): Promise<void> {
      const removed = await deps.repo.remove(ownerOf(caller.user), id);
      if (!removed) throw notFound();
      await audited(caller, {
        action: 'saved_search_delete',
        target: id,
        before: { name: removed.name },
      });
    },

    async recordRun(
      user: SessionUser,
      id: string,
      run: SavedSearchRunReport,
    ): Promise<SavedSearch> {
      return found(await deps.repo.recordRun(ownerOf(user), id, run));
    },
  };
}

export type SavedSearchesService = ReturnType<typeof createSavedSearchesService>;
