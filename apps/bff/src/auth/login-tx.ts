import { randomBytes } from 'node:crypto';
import type { Store, SessionData } from 'express-session';
import { fromCallback, fromValueCallback } from './callbacks.ts';
import { LOGIN_TX_TTL_MS } from './cookies.ts';

/** One sign-in attempt, kept server-side between /auth/login and /auth/callback. */
export interface LoginTx {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: number;
}

const KEY_PREFIX = 'login-tx:';

/**
 * Login transactions live in the session store under their own key prefix (so Redis-backed
 * replicas share them) and expire with the store's TTL after 10 minutes. `take` deletes the
 * entry before returning it: a transaction is consumed once, a replayed callback finds nothing.
 */
export function createLoginTxStore(store: Store) {
  return {
    async save(tx: LoginTx): Promise<string> {
      const id = randomBytes(32).toString('base64url');
      const expires = new Date(tx.createdAt + LOGIN_TX_TTL_MS);
      // The store API wants a session-shaped object; its cookie.expires drives the TTL.
      const entry = {
        cookie: { originalMaxAge: LOGIN_TX_TTL_MS, maxAge: LOGIN_TX_TTL_MS, expires },
        loginTx: tx,
      } as unknown as SessionData;
      await fromCallback((cb) => {
        store.set(KEY_PREFIX + id, entry, cb);
      });
      return id;
    },

    async take(id: string): Promise<LoginTx | undefined> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
      const key = KEY_PREFIX + id;
      const entry = await fromValueCallback<SessionData>((cb) => {
        store.get(key, cb);
      });
      if (!entry) return undefined;
      await fromCallback((cb) => {
        store.destroy(key, cb);
      });
      const tx = (entry as unknown as { loginTx?: LoginTx }).loginTx;
      if (!tx || Date.now() - tx.createdAt > LOGIN_TX_TTL_MS) return undefined;
      return tx;
    },
  };
}

export type LoginTxStore = ReturnType<typeof createLoginTxStore>;
