import {
  checkAuditPage,
  type AuditEntry,
  type AuditFilter,
  type AuditRepo,
} from '../../src/audit/audit.repo.ts';

export type MemoryAudit = AuditRepo & { entries: AuditEntry[]; failing: boolean };

/** AuditRepo in memory, for unit tests without PostgreSQL; `failing` makes every write throw. */
export function memoryAudit(): MemoryAudit {
  const entries: AuditEntry[] = [];
  const matches = (e: AuditEntry, f: AuditFilter): boolean =>
    (!f.actorSub || e.actor.sub === f.actorSub) &&
    (!f.actorAccount || e.actor.account === f.actorAccount) &&
    (!f.action || e.action === f.action) &&
    (!f.target || e.target === f.target) &&
    (!f.result || e.result === f.result) &&
    (!f.since || e.at >= f.since) &&
    (!f.until || e.at < f.until);
  const repo: MemoryAudit = {
    entries,
    failing: false,
    record(entry) {
      if (repo.failing) return Promise.reject(new Error('audit store down'));
      const saved = { ...entry, id: String(entries.length + 1), at: new Date() };
      entries.push(saved);
      return Promise.resolve(saved);
    },
    list(filter, page) {
      checkAuditPage(page);
      const newest = entries.filter((e) => matches(e, filter)).reverse();
      const from = page.cursor ? newest.findIndex((e) => e.id === page.cursor) + 1 : 0;
      const slice = newest.slice(from, from + page.limit);
      const more = from + page.limit < newest.length;
      return Promise.resolve({ entries: slice, nextCursor: more ? slice.at(-1)?.id : undefined });
    },
  };
  return repo;
}
