import type { TransferOverview } from '@bdms/contract';
import type { RequestStateName } from '@bdms/rucio-client';
import { collect, inTurn } from '../lib/async-iter.ts';
import type { RucioPort } from '../rucio-port.ts';
import { transferOverview } from './transfer-overview.ts';

/** In flight: waiting for a source or a slot, being submitted, submitted to the transfer tool. */
export const IN_FLIGHT: readonly RequestStateName[] = [
  'QUEUED',
  'WAITING',
  'PREPARING',
  'SUBMITTING',
  'SUBMITTED',
];

export interface TransfersDeps {
  rucio: Pick<RucioPort, 'listTransferRequests'>;
  /** The RSE names the user may see (the sites list, cached). */
  rseNames: (userSub: string, token: string) => Promise<string[]>;
  /** Pairs asked at once (Rucio serves 8 requests at a time on the devstack). */
  parallel?: number;
  /** Requests listed one by one at most (the counts cover all). */
  limit?: number;
}

export function createTransfersService(deps: TransfersDeps) {
  const parallel = deps.parallel ?? 6;
  return {
    /**
     * Rucio lists requests only per source and destination RSE: every ordered pair is asked,
     * `parallel` at a time (n × (n − 1) calls, a constant for a given set of RSEs).
     */
    async inFlight(userSub: string, token: string, signal: AbortSignal): Promise<TransferOverview> {
      const rses = await deps.rseNames(userSub, token);
      const pairs = rses.flatMap((source) =>
        rses.filter((d) => d !== source).map((destination) => ({ source, destination })),
      );
      const fetchedAt = new Date();
      const out = await inTurn(pairs, parallel, async (p) => ({
        ...p,
        requests: await collect(
          deps.rucio.listTransferRequests({
            token,
            signal,
            sourceRse: p.source,
            destinationRse: p.destination,
            states: IN_FLIGHT,
          }),
        ),
      }));
      return transferOverview(out, deps.limit ?? 500, fetchedAt);
    },
  };
}

export type TransfersService = ReturnType<typeof createTransfersService>;
