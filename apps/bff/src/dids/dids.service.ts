import type { DidSummary } from '@bdms/contract';
import type { DidContentDto } from '@bdms/rucio-client';
import { peeked } from '../lib/async-iter.ts';
import type { RucioPort } from '../rucio-port.ts';

const toSummary = (d: DidContentDto): DidSummary => ({
  scope: d.scope,
  name: d.name,
  // Rucio lists only live DIDs as content; anything else would be a FILE-like leaf.
  type: d.type === 'DATASET' || d.type === 'CONTAINER' ? d.type : 'FILE',
  bytes: d.bytes ?? null,
});

export function createDidsService(deps: { rucio: Pick<RucioPort, 'listContents'> }) {
  return {
    toSummary,
    /**
     * The content of a collection as Rucio streams it. The first row is awaited here, inside the
     * caller's token scope, so that errors Rucio reports up front (unknown DID, refused token)
     * surface before any byte is sent and a refused first use of a token can be retried.
     */
    openContents(token: string, scope: string, name: string, signal: AbortSignal) {
      return peeked(deps.rucio.listContents({ token, scope, name, signal }));
    },
  };
}

export type DidsService = ReturnType<typeof createDidsService>;
