import request from 'supertest';
import { SearchControl, type SearchQueryInput } from '@bdms/contract';
import type { BulkMetaOptions, DidSearchOptions } from '@bdms/rucio-client';
import { loadRecording, replayClient } from '@bdms/rucio-client/testing';
import { login, makeApp, stubRucio } from './helpers.ts';

/*
 * GET /api/search and /api/search/export over a stubbed Rucio: the names and the bulk metadata
 * replayed from the real server's recordings (search-names, search-bulkmeta-{all,column,json}), or made up
 * where a test needs thousands of rows or a failure.
 */

export const recordedNames = (): string[] =>
  loadRecording('search-names')
    .response.body.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string);

export interface Fake {
  names: Record<string, string[]>;
  /** Throw after this many names of a scope (Rucio's stream breaking). */
  breakAfter?: number;
  searches: DidSearchOptions[];
  bulk: BulkMetaOptions[];
  aborted: () => boolean;
}

const RECORDED_PLUGINS = {
  ALL: 'search-bulkmeta-all',
  DID_COLUMN: 'search-bulkmeta-column',
  JSON: 'search-bulkmeta-json',
} as const;

/** A real client replaying the recorded bulkmeta of one plugin (same path, another body). */
const replayed = (recording: string) => replayClient([recording], 101).rucio;

/** The recorded bulkmeta through the real client; the names from the recorded search. */
export function recordedRucio(fake: Partial<Fake> = {}) {
  const clients = {
    ALL: replayed(RECORDED_PLUGINS.ALL),
    DID_COLUMN: replayed(RECORDED_PLUGINS.DID_COLUMN),
    JSON: replayed(RECORDED_PLUGINS.JSON),
  };
  const state: Fake = {
    names: { acada: recordedNames() },
    searches: [],
    bulk: [],
    aborted: () => false,
    ...fake,
  };
  return {
    state,
    stub: stubRucio({
      searchDidNames: (o) => {
        state.searches.push(o);
        return listOf(state.names[o.scope] ?? []);
      },
      bulkMeta: (o) => {
        state.bulk.push(o);
        return clients[o.plugin].bulkMeta(o);
      },
    }),
  };
}

export async function* listOf(names: string[], breakAfter?: number, signal?: AbortSignal) {
  for (const [i, name] of names.entries()) {
    if (breakAfter !== undefined && i === breakAfter) throw new Error('socket hang up');
    if (signal?.aborted) throw signal.reason;
    await Promise.resolve();
    yield name;
  }
}

/** Made-up names and metadata: every DID a FILE with obs_id = its number. */
export function syntheticRucio(perScope: Record<string, number>, breakAfter?: number) {
  const state: Fake = { names: {}, searches: [], bulk: [], aborted: () => false };
  let lastSignal: AbortSignal | undefined;
  state.aborted = () => lastSignal?.aborted ?? false;
  for (const [scope, n] of Object.entries(perScope))
    state.names[scope] = Array.from({ length: n }, (_, i) => `/ctao/${scope}/f${i}`);
  const stub = stubRucio({
    searchDidNames: (o) => {
      state.searches.push(o);
      lastSignal = o.signal;
      return listOf(state.names[o.scope] ?? [], breakAfter, o.signal);
    },
    bulkMeta: (o) => {
      state.bulk.push(o);
      return (async function* () {
        await new Promise((r) => setTimeout(r, 1));
        // Each plugin its own keys, as Rucio answers: DID columns, JSON keys, or both (ALL).
        const columns = o.plugin !== 'JSON';
        const json = o.plugin !== 'DID_COLUMN';
        for (const d of o.dids)
          yield {
            ...d,
            ...(columns ? { did_type: 'FILE', bytes: 10, length: null } : {}),
            ...(json ? { obs_id: Number(d.name.split('/f')[1]) } : {}),
          };
      })();
    },
  });
  return { state, stub };
}

export const Q = (q: Partial<SearchQueryInput>): string =>
  JSON.stringify({ scopes: ['acada'], groups: [], ...q });

export const CRAB_NIGHT: SearchQueryInput = {
  scopes: ['acada'],
  didType: 'file',
  groups: [
    [
      { key: 'target_name', op: '=', value: 'Crab' },
      { key: 'observing_night', op: '=', value: '2025-02-03' },
    ],
  ],
};

export async function search(
  stub: ReturnType<typeof stubRucio>,
  q: string,
  env: Record<string, string> = {},
  extra = {},
) {
  const t = makeApp({ rucio: stub, env });
  const { sessionCookie } = await login(t);
  const res = await request(t.app)
    .get('/api/search')
    .query({ q, ...extra })
    .set('Cookie', sessionCookie);
  const lines = res.text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const rows = lines.filter((l) => 'scope' in l);
  const control = lines.filter((l) => !('scope' in l)).map((l) => SearchControl.parse(l));
  return { res, lines, rows, control, trailer: lines.at(-1) };
}
