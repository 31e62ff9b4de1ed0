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

/** Beyond this many remembered sessions, those not renewed lately are forgotten. */
const TOUCHED_MAX = 50_000;

/**
 * A rolling session is renewed on every request (express-session's `touch`), and express-session
 * holds the end of every response until the store has answered: a Redis round trip on each one,
 * a range request's last byte included. Renewing a session at most once per `everyMs` is enough:
 * its idle timeout then runs from at most `everyMs` before the last request. A renewal that fails
 * is tried again on the next request.
 */
export function touchAtMostEvery(store: Store, everyMs: number, now = Date.now): Store {
  const touch = store.touch?.bind(store);
  if (!touch) return store;
  const touched = new Map<string, number>();
  store.touch = (sid, session, callback) => {
    const at = now();
    const last = touched.get(sid);
    if (last !== undefined && at - last < everyMs) {
      callback?.();
      return;
    }
    if (touched.size >= TOUCHED_MAX)
      for (const [k, t] of touched) if (at - t >= everyMs) touched.delete(k);
    touched.set(sid, at);
    // Stores call back with their error, which express-session's types leave out.
    const done: ((err?: unknown) => void) | undefined = callback;
    touch(sid, session, (err?: unknown) => {
      if (err) touched.delete(sid);
      done?.(err);
    });
  };
  return store;
}
