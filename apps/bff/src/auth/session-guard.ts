import type { SessionData, Store } from 'express-session';

const TOMBSTONE = 'ended:';

/**
 * A session that was destroyed (sign-out, expiry) must stay destroyed. Other requests of the same
 * browser may still be running with their own copy of the session — a long stream, a refresh —
 * and express-session saves that copy when they end, which would bring the session back after
 * the user signed out. So `destroy` leaves a tombstone for as long as the session could have
 * lived, and `set` refuses to write a session id that has one. `touch` needs no guard: both
 * stores only extend entries that exist.
 */
const guarded = new WeakSet<Store>();

export function preventResurrection(store: Store, lifetimeMs: number): Store {
  if (guarded.has(store)) return store;
  guarded.add(store);
  const set = store.set.bind(store);
  const get = store.get.bind(store);
  const destroy = store.destroy.bind(store);

  store.destroy = (sid, callback) => {
    const expires = new Date(Date.now() + lifetimeMs);
    const tombstone = {
      cookie: { originalMaxAge: lifetimeMs, maxAge: lifetimeMs, expires },
    } as unknown as SessionData;
    set(TOMBSTONE + sid, tombstone, (err) => {
      if (err) callback?.(err);
      else destroy(sid, callback);
    });
  };

  store.set = (sid, session, callback) => {
    get(TOMBSTONE + sid, (err, ended) => {
      if (err) callback?.(err);
      else if (ended) callback?.();
      else set(sid, session, callback);
    });
  };
  return store;
}
