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
const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('calling Rucio with a brand-new token', () => {
  it('when several calls use a token Rucio has not seen, then the first goes alone and the rest follow it', async () => {
    const withToken = createRucioCaller(refresher('new-jwt'));
    const events: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let n = 0;
    const call = async (): Promise<string> => {
      const id = (n += 1);
      events.push(`start ${String(id)}`);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await tick(20);
      inFlight -= 1;
      events.push(`end ${String(id)}`);
      return 'ok';
    };
    const first = await Promise.all(Array.from({ length: 5 }, () => withToken(req, call)));
    expect(first).toEqual(Array(5).fill('ok'));
    // The first call ran alone: it ended before any other started…
    expect(events.slice(0, 2)).toEqual(['start 1', 'end 1']);
    // …and the followers then ran together, not one by one.
    expect(maxInFlight).toBe(4);
    maxInFlight = 0;
    await Promise.all(Array.from({ length: 5 }, () => withToken(req, call)));
    expect(maxInFlight).toBe(5); // a known token is never held back
  });

  it('when Rucio answers 401 once, then the call is retried once; a second 401 is passed on', async () => {
    const withToken = createRucioCaller(refresher('jwt'));
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
    const withToken = createRucioCaller(refresher('jwt2'));
    let calls = 0;
    const failing = (): Promise<string> => {
      calls += 1;
      return Promise.reject(new RucioError(500, 'RucioException', 'x', '/scopes/'));
    };
    await expect(withToken(req, failing)).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(1);
  });
});
