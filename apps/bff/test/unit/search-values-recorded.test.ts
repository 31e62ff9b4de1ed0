import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRucioClient } from '@bdms/rucio-client';
import { createValuesService } from '../../src/search/values.service.ts';
import type { Exchange, ValuesRecording } from '../fixtures/record-values.ts';

/*
 * The value listing replayed against the real Rucio's recorded answers
 * (test/fixtures/values-recorded.json, from test/fixtures/record-values.ts on the bench archive):
 * the same requests, byte for byte, give the same values, three at a time as in production.
 */

const recording = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../fixtures/values-recorded.json'), 'utf8'),
) as ValuesRecording;

const exchangeKey = (method: string, pathAndQuery: string, body: string | null): string =>
  `${method} ${pathAndQuery} ${body ?? ''}`;

/** A fetch answering from the exchanges, matched on method, path, query and body. */
function replay(exchanges: Exchange[]) {
  const byRequest = new Map(exchanges.map((e) => [exchangeKey(e.method, e.path, e.body), e]));
  const asked: string[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = typeof init?.body === 'string' ? init.body : null;
    const key = exchangeKey(init?.method ?? 'GET', url.pathname + url.search, body);
    asked.push(key);
    const e = byRequest.get(key);
    if (!e) return Promise.reject(new TypeError(`no recorded answer for ${key}`));
    return Promise.resolve(new Response(e.response, { status: e.status, headers: e.headers }));
  };
  return { fetch, asked };
}

describe('listing values over the recorded Rucio answers', () => {
  it.each(Object.entries(recording.listings))(
    '%s: the values the real Rucio gave, asking exactly what was recorded',
    async (id, listing) => {
      const [scope = '', key = ''] = id.split('|');
      const { fetch, asked } = replay(listing.exchanges);
      const rucio = createRucioClient({ baseUrl: 'http://rucio.test', userAgent: 't', fetch });
      const service = createValuesService({ rucio, referenceCacheMs: 0 });
      const answer = await service.list('<token>', scope, key, new AbortController().signal);
      expect(answer).toMatchObject({ scope, key, values: listing.values, complete: true });
      expect(new Set(asked)).toEqual(
        new Set(listing.exchanges.map((e) => exchangeKey(e.method, e.path, e.body))),
      );
      expect(asked).toHaveLength(listing.exchanges.length);
    },
  );

  it('holds the bench archive’s values: two sites, DL0 in acada, seven targets (one with a *)', () => {
    const values = (id: string) => recording.listings[id]?.values;
    expect(values('acada|site')).toEqual(['CTAO-North', 'CTAO-South']);
    expect(values('acada|data_level')).toEqual(['DL0']);
    expect(values('acada|target_name')).toContain('Sgr A*');
    expect(values('acada|target_name')).toHaveLength(7);
    expect(values('dpps|data_level')).toEqual(['DL3', 'SIM']);
  });
});
