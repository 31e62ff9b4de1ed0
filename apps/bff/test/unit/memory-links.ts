import { randomUUID } from 'node:crypto';
import type { LinkRecord, LinkRepo } from '../../src/links/links.repo.ts';

/** Signed download links kept in memory, for unit tests (the PostgreSQL repo has its DB tests). */
export function memoryLinks(): LinkRepo & { rows: LinkRecord[] } {
  const rows: LinkRecord[] = [];
  const same = (a: { sub: string; iss: string }, b: { sub: string; iss: string }) =>
    a.sub === b.sub && a.iss === b.iss;
  return {
    rows,
    create(owner, did, file, expiresAt) {
      const record: LinkRecord = {
        id: randomUUID(),
        owner,
        scope: did.scope,
        name: did.name,
        file,
        createdAt: new Date(),
        expiresAt,
        revokedAt: null,
        uses: 0,
        lastUsedAt: null,
      };
      rows.push(record);
      return Promise.resolve({ ...record });
    },
    list(owner, limit) {
      return Promise.resolve(
        rows
          .filter((r) => same(r.owner, owner))
          .reverse()
          .slice(0, limit)
          .map((r) => ({ ...r })),
      );
    },
    get(id) {
      const found = rows.find((r) => r.id === id);
      return Promise.resolve(found && { ...found });
    },
    revoke(owner, id) {
      const found = rows.find((r) => r.id === id && same(r.owner, owner));
      if (found && !found.revokedAt) found.revokedAt = new Date();
      return Promise.resolve(found && { ...found });
    },
    used(id) {
      const found = rows.find((r) => r.id === id);
      if (found) {
        found.uses += 1;
        found.lastUsedAt = new Date();
      }
      return Promise.resolve();
    },
  };
}
