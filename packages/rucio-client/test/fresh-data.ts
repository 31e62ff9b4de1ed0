/**
 * Fresh files and datasets on the devstack, made by root through Rucio's REST API, for the tests
 * that need data no other test reads (a rule on them moves exactly their files): random bytes put
 * on the RSE's storage at the PFN Rucio gives, registered with their adler32. They stay in the
 * devtest scope afterwards (no reaper runs; the seed does not read that scope).
 */
import { randomBytes } from 'node:crypto';
import { adler32Hex, putBytes } from '@bdms/dev-fixtures';
import { didPath } from '../src/did-path.ts';

export const FRESH_SCOPE = 'devtest';

/**
 * Rucio's REST API as root, for what the typed client does not write (it only reads): the body
 * as text; an error status throws, except 409 for a scope that exists already.
 */
export async function asRoot(
  baseUrl: string,
  token: string,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<string> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'X-Rucio-Auth-Token': token, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300 && !(res.status === 409 && path.startsWith('/scopes/')))
    throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text;
}

export interface FreshFile {
  scope: string;
  name: string;
  bytes: number;
  adler32: string;
}

/** Files of `size` random bytes under these names (devtest scope) on `rse`, bytes and replicas. */
export async function freshFiles(
  baseUrl: string,
  token: string,
  rse: string,
  names: readonly string[],
  size: number,
): Promise<FreshFile[]> {
  await asRoot(baseUrl, token, `/scopes/root/${FRESH_SCOPE}`, 'POST');
  const data = names.map(() => new Uint8Array(randomBytes(size)));
  const files = names.map((name, i) => ({
    scope: FRESH_SCOPE,
    name,
    bytes: size,
    adler32: adler32Hex(data[i] ?? new Uint8Array()),
  }));
  await asRoot(baseUrl, token, '/replicas', 'POST', { rse, files });
  const dids = files.map(({ scope, name }) => ({ scope, name }));
  const listed = await asRoot(baseUrl, token, '/replicas/list', 'POST', { dids, all_states: true });
  const pfns = new Map<string, string>();
  for (const line of listed.split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as { name: string; pfns?: Record<string, { rse: string }> };
    const pfn = Object.entries(r.pfns ?? {}).find(([, p]) => p.rse === rse)?.[0];
    if (pfn) pfns.set(r.name, pfn);
  }
  for (const [i, f] of files.entries()) {
    const pfn = pfns.get(f.name);
    if (!pfn) throw new Error(`Rucio lists no PFN of ${f.name} on ${rse}`);
    await putBytes(pfn, data[i] ?? new Uint8Array());
  }
  return files;
}

/** A run's own suffix for fresh names. */
export const freshRun = (): string =>
  `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

/** A new dataset holding `count` fresh files of `size` bytes on `rse`. */
export async function freshDataset(
  baseUrl: string,
  token: string,
  rse: string,
  label: string,
  { count = 3, size = 300 } = {},
): Promise<{ scope: string; name: string; files: FreshFile[] }> {
  const name = `/ctao/${FRESH_SCOPE}/${label}/${freshRun()}`;
  const names = Array.from({ length: count }, (_, i) => `${name}/file-${i}.dat`);
  const files = await freshFiles(baseUrl, token, rse, names, size);
  const path = didPath(FRESH_SCOPE, name);
  await asRoot(baseUrl, token, path, 'POST', { type: 'DATASET' });
  const dids = files.map(({ scope, name: n }) => ({ scope, name: n }));
  await asRoot(baseUrl, token, `${path}/dids`, 'POST', { dids });
  return { scope: FRESH_SCOPE, name, files };
}
