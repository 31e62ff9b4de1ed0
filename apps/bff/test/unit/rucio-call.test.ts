import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { RucioError } from '@bdms/rucio-client';
import { createRucioCaller } from '../../src/auth/rucio-call.ts';
import type { TokenRefresher } from '../../src/auth/token-refresher.ts';

const refresher = (token: string): Pick<TokenRefresher, 'accessToken'> => ({
  accessToken: () => Promise.resolve(token),
});
// The refresher stub ignores the request; the caller reads only the session's chosen account.
const req = { session: {} } as unknown as Request;
const noPrime = (): Promise<void> => Promise.resolve();
const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('calling Rucio with a brand-new token', () => {
  it('when several calls use a token Rucio has not seen, then one prime call goes alone and every call follows it', async () => {
    const events: string[] = [];
    const primes: string[] = [];
    const withToken = createRucioCaller(refresher('new-jwt'), async (token) => {
      primes.push(token);
      events.push('prime start');
      await tick(20);
      events.push('prime end');
    });
    let inFlight = 0;
    let maxInFlight = 0;
    let n = 0;
    // A route's work that itself makes two Rucio calls at once (as the staging status does).
    const work = async (): Promise<string> => {
      const id = (n += 1);
      events.push(`start ${String(id)}`);
      inFlight += 2;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await tick(20);
      inFlight -= 2;
      return 'ok';
    };
    const first = await Promise.all(Array.from({ length: 5 }, () => withToken(req, work)));
    expect(first).toEqual(Array(5).fill('ok'));
    expect(primes).toEqual(['new-jwt']);
    // The prime ran alone: it ended before any work started…
    expect(events.slice(0, 2)).toEqual(['prime start', 'prime end']);
    // …and the work then ran together, not one by one.
    expect(maxInFlight).toBe(10);
    await Promise.all(Array.from({ length: 5 }, () => withToken(req, work)));
    expect(primes).toHaveLength(1); // a known token is never primed again nor held back
  });

  it('when the prime is refused, then the work still runs and its own answer is passed on', async () => {
    let primes = 0;
    const withToken = createRucioCaller(refresher('unmapped-jwt'), () => {
      primes += 1;
      return Promise.reject(new RucioError(401, 'CannotAuthenticate', 'x', '/accounts/whoami'));
    });
    const refused = (): Promise<string> =>
      Promise.reject(new RucioError(401, 'CannotAuthenticate', 'x', '/scopes/'));
    await expect(withToken(req, refused)).rejects.toMatchObject({ status: 401 });
    expect(await withToken(req, () => Promise.resolve('ok'))).toBe('ok');
    expect(primes).toBe(1);
  });

  it('when Rucio answers 401 once, then the call is retried once; a second 401 is passed on', async () => {
    const withToken = createRucioCaller(refresher('jwt'), noPrime);
    let calls = 0;
    const flaky = (): Promise<string> => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new RucioError(401, 'CannotAuthenticate', 'x', '/scopes/'))
        : Promise.resolve('ok');
    };
    expect(await withToken(req, flaky)).toBe('ok');
    expect(calls).toBe(2);
    const always401 = (): Promise<string> =>
      Promise.reject(new RucioError(401, 'CannotAuthenticate', 'x', '/scopes/'));
    await expect(withToken(req, always401)).rejects.toMatchObject({ status: 401 });
  });

  it('when Rucio fails otherwise, then there is no retry', async () => {
    const withToken = createRucioCaller(refresher('jwt2'), noPrime);
    let calls = 0;
    const failing = (): Promise<string> => {
      calls += 1;
      return Promise.reject(new RucioError(500, 'RucioException', 'x', '/scopes/'));
    };
    await expect(withToken(req, failing)).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(1);
  });
});
