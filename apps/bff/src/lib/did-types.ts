import { LRUCache } from 'lru-cache';
import type { RucioPort } from '../rucio-port.ts';

type GetDid = RucioPort['getDid'];
type Lookup = Parameters<GetDid>[0];

/**
 * A DID's type, which never changes in Rucio (a name is never reused, not even after deletion),
 * remembered after the first lookup: the DID page's replica and lock panels each need it before
 * they know which Rucio calls to make, and would ask Rucio for it on every view. Only answers are
 * kept; an unknown DID is asked again (it is Rucio's 404 each time). Types are not secret: any
 * account may list any DID in Rucio.
 */
export function cachedDidTypes(getDid: GetDid, max = 20_000) {
  const known = new LRUCache<string, Awaited<ReturnType<GetDid>>['type']>({ max });
  return async (lookup: Lookup): Promise<Awaited<ReturnType<GetDid>>['type']> => {
    const key = `${lookup.scope}:${lookup.name}`;
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const { type } = await getDid(lookup);
    known.set(key, type);
    return type;
  };
}

export type DidTypes = ReturnType<typeof cachedDidTypes>;
