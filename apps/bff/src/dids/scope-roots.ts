import type { DidSummary } from '@bdms/contract';
import type { DidSearchLongDto } from '@bdms/rucio-client';
import { liveType } from '../lib/rucio-values.ts';

/** `/ctao/acada/DL0` → `/ctao/acada`, `/ctao`; a name without slashes has none. */
function ancestors(name: string): string[] {
  const out: string[] = [];
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1))
    out.push(name.slice(0, i));
  return out;
}

/**
 * The collections of a scope that no other collection of it contains by name. CTAO names are paths
 * (`/ctao/acada/DL0/...`) and BDMS attaches each to the container named by its parent path, so
 * these are where browsing the scope starts; names that are not paths are all roots.
 */
export function scopeRoots(collections: readonly DidSearchLongDto[]): DidSummary[] {
  const names = new Set(collections.map((c) => c.name));
  return collections
    .filter((c) => !ancestors(c.name).some((a) => names.has(a)))
    .map((c) => ({
      scope: c.scope,
      name: c.name,
      type: liveType(c.did_type),
      bytes: c.bytes ?? null,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
