import { randomUUID } from 'node:crypto';
import {
  isSavedSearchId,
  type SavedSearchOwner,
  type SavedSearchRecord,
  type SavedSearchRepo,
} from '../../src/saved-searches/saved-searches.repo.ts';

export type MemorySavedSearches = SavedSearchRepo & {
  /** Every row, any owner; tests may age them (createdAt) or plant old queries. */
  rows: (SavedSearchRecord & { owner: SavedSearchOwner })[];
};

/**
 * SavedSearchRepo in memory, for unit tests without PostgreSQL. Faithful where the routes can
 * tell: owner isolation, names unique per owner ignoring case (PostgreSQL's lower()), the limit
 * checked before the name, newest first, copies out (never the stored object).
 */
export function memorySavedSearches(): MemorySavedSearches {
  const rows: MemorySavedSearches['rows'] = [];
  const owns = (o: SavedSearchOwner) => (r: { owner: SavedSearchOwner }) =>
    r.owner.sub === o.sub && r.owner.iss === o.iss;
  const find = (o: SavedSearchOwner, id: string) =>
    isSavedSearchId(id) ? rows.find((r) => owns(o)(r) && r.id === id.toLowerCase()) : undefined;
  const taken = (o: SavedSearchOwner, name: string, except?: string) =>
    rows.some((r) => owns(o)(r) && r.id !== except && r.name.toLowerCase() === name.toLowerCase());
  const copy = (r: SavedSearchRecord): SavedSearchRecord =>
    structuredClone({
      id: r.id,
      name: r.name,
      query: r.query,
      filter: r.filter,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      lastRun: r.lastRun,
    });
  const newestFirst = (a: SavedSearchRecord, b: SavedSearchRecord) =>
    b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);

  return {
    rows,
    list: (owner) => Promise.resolve(rows.filter(owns(owner)).sort(newestFirst).map(copy)),
    get: (owner, id) => {
      const row = find(owner, id);
      return Promise.resolve(row && copy(row));
    },
    create: (owner, entry, max) => {
      if (rows.filter(owns(owner)).length >= max)
        return Promise.resolve({ ok: false, reason: 'limit_reached' });
      if (taken(owner, entry.name)) return Promise.resolve({ ok: false, reason: 'duplicate_name' });
      const now = new Date();
      const row = {
        ...structuredClone(entry),
        id: randomUUID(),
        owner,
        createdAt: now,
        updatedAt: now,
        lastRun: undefined,
      };
      rows.push(row);
      return Promise.resolve({ ok: true, saved: copy(row) });
    },
    rename: (owner, id, name) => {
      const row = find(owner, id);
      if (!row) return Promise.resolve({ ok: false, reason: 'not_found' });
      if (taken(owner, name, row.id))
        return Promise.resolve({ ok: false, reason: 'duplicate_name' });
      const previousName = row.name;
      Object.assign(row, { name, updatedAt: new Date() });
      return Promise.resolve({ ok: true, saved: copy(row), previousName });
    },
    remove: (owner, id) => {
      const row = find(owner, id);
      if (row) rows.splice(rows.indexOf(row), 1);
      return Promise.resolve(row && copy(row));
    },
    recordRun: (owner, id, run) => {
      const row = find(owner, id);
      if (row) row.lastRun = { ...run, at: new Date() };
      return Promise.resolve(row && copy(row));
    },
  };
}
