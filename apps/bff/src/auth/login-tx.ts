import { hkdfSync, randomUUID } from 'node:crypto';
import type { Store, SessionData } from 'express-session';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { fromCallback, fromValueCallback } from './callbacks.ts';
import { LOGIN_TX_TTL_MS } from './cookies.ts';

/** One sign-in attempt, carried by the browser between /auth/login and /auth/callback. */
export interface LoginTx {
  id: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

const Sealed = z.object({
  jti: z.string().min(1),
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(1),
  returnTo: z.string().startsWith('/'),
});

const USED_PREFIX = 'login-used:';

/** A key of its own for login transactions, derived from the session secret (HKDF-SHA256). */
const deriveKey = (secret: string): Uint8Array =>
  new Uint8Array(hkdfSync('sha256', secret, 'bdms-portal', 'login-tx A256GCM', 32));

/**
 * Login transactions live in the browser, not on the server: an encrypted, authenticated JWT
 * (JWE dir + A256GCM, jose) in a short-lived cookie. So an anonymous GET /auth/login writes
 * nothing anywhere and cannot push signed-in sessions out of the store.
 *
 * Replays: the IdP redeems an authorization code once, and after a *successful* sign-in the
 * transaction id is remembered in the session store until the transaction would have expired
 * anyway, so the same cookie cannot complete a second sign-in (on any replica). Only completed
 * sign-ins write, and each of them creates a session anyway.
 */
export function createLoginTxStore(secret: string, store: Store) {
  const key = deriveKey(secret);

  return {
    async seal(tx: Omit<LoginTx, 'id'>): Promise<string> {
      return new EncryptJWT({
        state: tx.state,
        nonce: tx.nonce,
        verifier: tx.codeVerifier,
        returnTo: tx.returnTo,
      })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(new Date(Date.now() + LOGIN_TX_TTL_MS))
        .encrypt(key);
    },

    /** The transaction in the cookie, or undefined if it is missing, tampered with, expired or used. */
    async open(sealed: string | undefined): Promise<LoginTx | undefined> {
      if (!sealed || sealed.length > 4096) return undefined;
      try {
        const { payload } = await jwtDecrypt(sealed, key, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
          maxTokenAge: LOGIN_TX_TTL_MS / 1000,
        });
        const tx = Sealed.parse(payload);
        const used = await fromValueCallback<SessionData>((cb) => {
          store.get(USED_PREFIX + tx.jti, cb);
        });
        if (used) return undefined;
        const { jti: id, verifier: codeVerifier, ...rest } = tx;
        return { id, codeVerifier, ...rest };
      } catch {
        return undefined;
      }
    },

    /** Remembers a completed transaction until it would have expired, so it cannot be replayed. */
    async markUsed(id: string): Promise<void> {
      const expires = new Date(Date.now() + LOGIN_TX_TTL_MS);
      const entry = {
        cookie: { originalMaxAge: LOGIN_TX_TTL_MS, maxAge: LOGIN_TX_TTL_MS, expires },
      } as unknown as SessionData;
      await fromCallback((cb) => {
        store.set(USED_PREFIX + id, entry, cb);
      });
    },
  };
}

export type LoginTxStore = ReturnType<typeof createLoginTxStore>;
