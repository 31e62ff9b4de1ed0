import session, { type SessionData } from 'express-session';
import { describe, expect, it } from 'vitest';
import { touchAtMostEvery } from '../../src/auth/session-guard.ts';

/** A MemoryStore counting its renewals; `fail` makes the next one fail. */
function countingStore() {
  const store = new session.MemoryStore();
  const state = { touches: 0, fail: false };
  const touch = store.touch.bind(store);
  store.touch = (sid, s, callback) => {
    state.touches += 1;
    if (state.fail) {
      state.fail = false;
      (callback as (err?: unknown) => void)(new Error('store down'));
      return;
    }
    touch(sid, s, callback);
  };
  return { store, state };
}

const touch = (store: session.Store, sid: string) =>
  new Promise<unknown>((resolve) => {
    store.touch?.(
      sid,
      { cookie: Object.assign(new session.Cookie(), { maxAge: 1000 }) } as SessionData,
      (err?: unknown) => {
        resolve(err);
      },
    );
  });

describe('touchAtMostEvery', () => {
  it('renews a session once per interval, each session on its own, and answers at once meanwhile', async () => {
    let now = 0;
    const { store, state } = countingStore();
    touchAtMostEvery(store, 60_000, () => now);
    await touch(store, 'a');
    await touch(store, 'a');
    await touch(store, 'b');
    expect(state.touches).toBe(2);
    now = 59_999;
    await touch(store, 'a');
    expect(state.touches).toBe(2);
    now = 60_000;
    await touch(store, 'a');
    expect(state.touches).toBe(3);
  });

  it('when a renewal fails, then its error is passed on and the next request renews again', async () => {
    const { store, state } = countingStore();
    touchAtMostEvery(store, 60_000, () => 0);
    state.fail = true;
    expect(await touch(store, 'a')).toBeInstanceOf(Error);
    expect(await touch(store, 'a')).toBeUndefined();
    expect(state.touches).toBe(2);
  });
});
