import type { FileToSend } from './replica-open.ts';

/**
 * Files a user located lately, kept a short while for the requests that follow. A client reading
 * a file in ranges (a viewer, a resumed or parallel download) sends many small requests for one
 * file, and a Rucio replica lookup each time would cost more than the bytes (the bench: a 1 MiB
 * range straight from the storage takes about as long as the lookup). A range takes an entry up
 * to `ttlMs` old; a whole-file request opens the kept copy at once but always asks Rucio again
 * before its last bytes (download-plan.ts), and refreshes the entry. A file's record (size,
 * checksums) never changes in Rucio; its replicas may, and one gone since fails to open and
 * Rucio is asked again, as for a fresh lookup.
 */
export interface RecentFilesOptions {
  ttlMs?: number;
  /** Beyond this many entries the oldest is dropped. */
  max?: number;
  now?: () => number;
}

export function createRecentFiles(options: RecentFilesOptions = {}) {
  const ttlMs = options.ttlMs ?? 60_000;
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const kept = new Map<string, { file: FileToSend; at: number }>();
  return {
    get(key: string): FileToSend | undefined {
      const entry = kept.get(key);
      if (entry && now() - entry.at <= ttlMs) return entry.file;
      kept.delete(key);
      return undefined;
    },
    set(key: string, file: FileToSend): void {
      kept.delete(key);
      kept.set(key, { file, at: now() });
      if (kept.size > max) {
        const oldest = kept.keys().next();
        if (!oldest.done) kept.delete(oldest.value);
      }
    },
    delete(key: string): void {
      kept.delete(key);
    },
    size: () => kept.size,
  };
}

export type RecentFiles = ReturnType<typeof createRecentFiles>;

/** One user's view of one file from one address (Rucio sorts replicas by the address). */
export const recentKey = (
  user: { iss?: string | undefined; sub: string },
  did: { scope: string; name: string },
  address: string | undefined,
): string => JSON.stringify([user.iss ?? '', user.sub, did.scope, did.name, address ?? '']);
