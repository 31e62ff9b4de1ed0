import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { RucioError } from '@bdms/rucio-client';
import { actingAs } from './acting-account.ts';
import type { TokenRefresher } from './token-refresher.ts';

const MAX_KNOWN = 10_000;

const fingerprint = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

/**
 * Calls Rucio with the session's access token, acting as the account the session chose (if any;
 * see acting-account.ts).
 *
 * Rucio 41 stores each JWT it validates for the first time; several requests carrying the same
 * brand-new JWT at once race on that insert and all but one get 401 CannotAuthenticate (seen in
 * test/integration/refresh.test.ts: 3 of 8 parallel calls right after a refresh). One route's own
 * work often runs several calls at once (the staging status: replicas, RSEs and rules), so the
 * first use of a token in this process is one `prime` call (whoami, its redirect not followed)
 * made alone while every other use of that token waits; only then does the work run. A 401 is
 * still retried once, which covers the same race across several BFF replicas. Only hashes of
 * tokens are kept.
 */
export function createRucioCaller(
  refresher: Pick<TokenRefresher, 'accessToken'>,
  prime: (token: string) => Promise<unknown>,
) {
  const known = new Set<string>();
  const firstUse = new Map<string, Promise<void>>();

  /** Resolves once Rucio has seen the token (or refused it: the work's own call then says why). */
  function seen(token: string): Promise<void> | undefined {
    const key = fingerprint(token);
    if (known.has(key)) return undefined;
    const pending = firstUse.get(key);
    if (pending) return pending;
    const primed = Promise.resolve()
      .then(() => prime(token))
      .catch(() => undefined)
      .then(() => {
        if (known.size >= MAX_KNOWN) known.clear();
        known.add(key);
        firstUse.delete(key);
      });
    firstUse.set(key, primed);
    return primed;
  }

  return async function withToken<T>(req: Request, fn: (token: string) => Promise<T>): Promise<T> {
    const token = await refresher.accessToken(req);
    return actingAs(req.session.account, async () => {
      try {
        await seen(token);
        return await fn(token);
      } catch (error) {
        if (!(error instanceof RucioError && error.status === 401)) throw error;
        return fn(token);
      }
    });
  };
}

export type RucioCaller = ReturnType<typeof createRucioCaller>;
