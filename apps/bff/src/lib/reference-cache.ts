import { LRUCache } from 'lru-cache';

export interface ReferenceCacheOptions {
  /** How long an answer is reused; 0 turns caching off (every call goes to Rucio). */
  ttlMs: number;
  /** Entries at most (per-user entries count one each). */
  max?: number;
}

/**
 * Reference data that changes rarely (scopes, RSEs, the user's own accounts, value suggestions),
 * cached for a short time with lru-cache. Keys say whose answer it is (`scopes|<sub>`), so an
 * answer that depends on the user is never served to another. Identical concurrent requests share
 * one upstream call (lru-cache's fetch dedupes in-flight loads); a failed load is not cached.
 * The portal's own writes call `invalidate(prefix)` for what they change.
 */
export function createReferenceCache(options: ReferenceCacheOptions) {
  const cache = new LRUCache<string, object, () => Promise<object>>({
    max: options.max ?? 5000,
    ttl: Math.max(options.ttlMs, 1),
    fetchMethod: (_key, _stale, { context }) => context(),
  });

  return {
    async get<T extends object>(key: string, load: () => Promise<T>): Promise<T> {
      if (options.ttlMs <= 0) return load();
      const value = await cache.fetch(key, { context: load });
      return value as T;
    },
    invalidate(prefix: string): void {
      for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
    },
  };
}

export type ReferenceCache = ReturnType<typeof createReferenceCache>;
