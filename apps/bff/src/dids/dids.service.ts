import type { DidSummary } from '@bdms/contract';
import type { DidContentDto } from '@bdms/rucio-client';
import type { RucioPort } from '../rucio-port.ts';

const toSummary = (d: DidContentDto): DidSummary => ({
  scope: d.scope,
  name: d.name,
  // Rucio lists only live DIDs as content; anything else would be a FILE-like leaf.
  type: d.type === 'DATASET' || d.type === 'CONTAINER' ? d.type : 'FILE',
  bytes: d.bytes ?? null,
});

export function createDidsService(deps: { rucio: Pick<RucioPort, 'listDids'> }) {
  return {
    /**
     * The content of a collection as Rucio streams it. The first row is awaited here, so that
     * errors Rucio reports up front (unknown DID, refused token) surface before any byte is sent.
     */
    async openContents(token: string, scope: string, name: string, signal: AbortSignal) {
      const iterator = deps.rucio.listDids(token, scope, name, signal)[Symbol.asyncIterator]();
      const first = await iterator.next();
      async function* rows(): AsyncGenerator<DidSummary> {
        if (first.done) return;
        yield toSummary(first.value);
        for (let r = await iterator.next(); !r.done; r = await iterator.next())
          yield toSummary(r.value);
      }
      return rows();
    },
  };
}

export type DidsService = ReturnType<typeof createDidsService>;
