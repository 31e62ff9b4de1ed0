/**
 * Fresh files for the integration tests, as root through Rucio's REST API: bytes on an RSE's
 * storage at the PFN Rucio gives them, registered with their size and adler32 (POST /replicas),
 * and the replica listing and rule reads the tests check them with.
 */
import { z } from 'zod';
import { adler32Hex, putBytes } from '@bdms/dev-fixtures';
import { parseStream, rucioCall } from './rucio-smoke.ts';

export interface RucioAt {
  url: string;
  token: string;
}

export interface TestFile {
  scope: string;
  name: string;
  data: Uint8Array;
}

const did = (f: TestFile) => ({ scope: f.scope, name: f.name });

async function call(at: RucioAt, path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await rucioCall(at.url, at.token, path, init);
  if (res.status >= 300)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${res.text}`);
  return res.text;
}

/** POST /scopes/root/<scope>; an existing scope is fine. */
export async function ensureScope(at: RucioAt, scope: string): Promise<void> {
  const res = await rucioCall(at.url, at.token, `/scopes/root/${scope}`, { method: 'POST' });
  if (res.status !== 201 && res.status !== 409) throw new Error(`scope ${scope}: ${res.text}`);
}

const Replica = z.object({
  adler32: z.string().nullable().optional(),
  pfns: z.record(z.string(), z.object({ rse: z.string() }).loose()).optional(),
  states: z.record(z.string(), z.string()).optional(),
});
export type Replica = z.infer<typeof Replica>;

/** The file's replicas in every state (POST /replicas/list with all_states). */
export async function replicaOf(at: RucioAt, f: TestFile): Promise<Replica | undefined> {
  const text = await call(at, '/replicas/list', {
    method: 'POST',
    body: { dids: [did(f)], all_states: true, sort: 'random' },
  });
  return parseStream(text).map((row) => Replica.parse(row))[0];
}

export const pfnOn = (r: Replica | undefined, rse: string): string | undefined =>
  Object.entries(r?.pfns ?? {}).find(([, p]) => p.rse === rse)?.[0];

/**
 * Registers `f` on `rse` with its true size and adler32, then stores `stored` (default: its own
 * bytes; `null`: nothing) at the PFN Rucio names for it there.
 */
export async function addFile(
  at: RucioAt,
  rse: string,
  f: TestFile,
  stored: Uint8Array | null = f.data,
): Promise<void> {
  const file = { ...did(f), bytes: f.data.byteLength, adler32: adler32Hex(f.data) };
  await call(at, '/replicas', { method: 'POST', body: { rse, files: [file] } });
  const pfn = pfnOn(await replicaOf(at, f), rse);
  if (!pfn) throw new Error(`Rucio lists no PFN of ${f.name} on ${rse}`);
  if (stored) await putBytes(pfn, stored);
}

/**
 * POST /rules/ as root: the rule's id. With a lifetime (seconds) the judge-cleaner removes the
 * rule after it; a DELETE through the API only makes it expire within the hour.
 */
export async function addRule(
  at: RucioAt,
  f: TestFile,
  rseExpression: string,
  opts: { copies?: number; lifetime?: number } = {},
) {
  const body = {
    dids: [did(f)],
    account: 'root',
    copies: opts.copies ?? 1,
    rse_expression: rseExpression,
    ...(opts.lifetime === undefined ? {} : { lifetime: opts.lifetime }),
  };
  const ids = z
    .array(z.string())
    .parse(JSON.parse(await call(at, '/rules/', { method: 'POST', body })));
  if (!ids[0]) throw new Error('POST /rules/ returned no id');
  return ids[0];
}

const Rule = z.object({ state: z.string(), error: z.string().nullable().optional() }).loose();

export const getRule = async (at: RucioAt, id: string) =>
  Rule.parse(JSON.parse(await call(at, `/rules/${id}`)));
