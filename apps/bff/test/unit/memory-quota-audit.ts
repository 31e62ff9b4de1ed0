import type { QuotaAuditEntry } from '@bdms/contract';
import type { QuotaAuditRepo } from '../../src/quotas/quota-audit.repo.ts';

/** The limit-change audit kept in memory, for unit tests (the PostgreSQL repo is tested for real). */
export function memoryQuotaAudit(): QuotaAuditRepo & { rows: QuotaAuditEntry[] } {
  const rows: QuotaAuditEntry[] = [];
  return {
    rows,
    record(change) {
      const id = String(rows.length + 1);
      rows.push({
        ...change,
        id,
        at: new Date().toISOString(),
        actor: { ...change.actor },
        batchId: change.batchId,
      });
      return Promise.resolve(id);
    },
    settle(id, result, message) {
      const row = rows.find((r) => r.id === id && r.result === 'pending');
      if (row) Object.assign(row, { result, message });
      return Promise.resolve();
    },
    list(_filter, page) {
      const newest = [...rows].reverse();
      const start = page.cursor ? newest.findIndex((r) => r.id === page.cursor) + 1 : 0;
      const entries = newest.slice(start, start + page.limit);
      const more = newest.length > start + page.limit;
      return Promise.resolve({ entries, nextCursor: more ? (entries.at(-1)?.id ?? null) : null });
    },
  };
}
