import type { FileReplicaDto } from '@bdms/rucio-client';

/** A replica the BFF may read a file from. */
export interface Source {
  url: string;
  rse: string;
  tape: boolean;
}

/**
 * Where to read a file from, best first: AVAILABLE replicas only, disk before tape, then Rucio's
 * own order (its PFN priority: for the user's address when the BFF passed it, geoip closest first).
 */
export function downloadSources(file: FileReplicaDto): Source[] {
  const states = file.states ?? {};
  return Object.entries(file.pfns ?? {})
    .filter(([, p]) => (states[p.rse] ?? 'AVAILABLE') === 'AVAILABLE')
    .map(([url, p]) => ({ url, rse: p.rse, tape: p.type === 'TAPE', priority: p.priority }))
    .sort((a, b) => Number(a.tape) - Number(b.tape) || a.priority - b.priority)
    .map(({ url, rse, tape }) => ({ url, rse, tape }));
}
