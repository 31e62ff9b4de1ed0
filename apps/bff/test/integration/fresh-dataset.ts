/**
 * A fresh dataset of small files on one RSE of the devstack, their bytes on its storage, made by
 * root through Rucio's REST API: no rule anywhere reads it, so a rule on it moves exactly its
 * files. The files stay afterwards (in the devtest scope, which the seed does not read).
 */
import { randomBytes } from 'node:crypto';
import { adler32Hex, putBytes } from '@bdms/dev-fixtures';
import { didPath } from '@bdms/rucio-client';
import { RUCIO_URL } from './stack.ts';

export const FRESH_SCOPE = 'devtest';

/** Rucio's REST API as root (the typed client only reads); a 409 for an existing scope is fine. */
async function asRoot(token: string, path: string, method = 'GET', body?: unknown) {
  const res = await fetch(`${RUCIO_URL}${path}`, {
    method,
    headers: { 'X-Rucio-Auth-Token': token, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300 && !(res.status === 409 && path.startsWith('/scopes/')))
    throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text;
}

export interface FreshDataset {
  scope: string;
  name: string;
  files: { scope: string; name: string; bytes: number }[];
}

/** `count` files of `size` random bytes on `rse`, attached to a new dataset. */
export async function freshDataset(
  token: string,
  rse: string,
  label: string,
  { count = 3, size = 300 } = {},
): Promise<FreshDataset> {
  await asRoot(token, `/scopes/root/${FRESH_SCOPE}`, 'POST');
  const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const name = `/ctao/${FRESH_SCOPE}/${label}/${run}`;
  const files = Array.from({ length: count }, (_, i) => {
    const data = new Uint8Array(randomBytes(size));
    return { scope: FRESH_SCOPE, name: `${name}/file-${i}.dat`, data };
  });
  const dids = files.map((f) => ({
    scope: f.scope,
    name: f.name,
    bytes: f.data.byteLength,
    adler32: adler32Hex(f.data),
  }));
  await asRoot(token, '/replicas', 'POST', { rse, files: dids });
  const listed = await asRoot(token, '/replicas/list', 'POST', {
    dids: dids.map(({ scope, name: n }) => ({ scope, name: n })),
    all_states: true,
  });
  const pfns = new Map<string, string>();
  for (const line of listed.split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as { name: string; pfns?: Record<string, { rse: string }> };
    const pfn = Object.entries(r.pfns ?? {}).find(([, p]) => p.rse === rse)?.[0];
    if (pfn) pfns.set(r.name, pfn);
  }
  for (const f of files) {
    const pfn = pfns.get(f.name);
    if (!pfn) throw new Error(`Rucio lists no PFN of ${f.name} on ${rse}`);
    await putBytes(pfn, f.data);
  }
  await asRoot(token, didPath(FRESH_SCOPE, name), 'POST', { type: 'DATASET' });
  await asRoot(token, `${didPath(FRESH_SCOPE, name)}/dids`, 'POST', {
    dids: dids.map(({ scope, name: n }) => ({ scope, name: n })),
  });
  return {
    scope: FRESH_SCOPE,
    name,
    files: dids.map(({ scope, name: n, bytes }) => ({ scope, name: n, bytes })),
  };
}

/** Removes a rule (root; Rucio 41 needs a JSON body on DELETE). */
export async function deleteRule(token: string, id: string): Promise<void> {
  await asRoot(token, `/rules/${id}`, 'DELETE', { purge_replicas: false });
}
