import { REPLICA_STATES_MAX_FILES, type ReplicaStates } from '@bdms/contract';
import type { FileReplicaDto } from '@bdms/rucio-client';

/**
 * A DID's file replicas per RSE by state, tallied as Rucio streams them (constant memory). A
 * replica Rucio lists without a state (an older server omits `states`) is AVAILABLE. Stops after
 * `max` files: leaving the loop closes Rucio's stream.
 */
export async function countReplicaStates(
  replicas: AsyncIterable<FileReplicaDto>,
  max = REPLICA_STATES_MAX_FILES,
): Promise<Omit<ReplicaStates, 'fetchedAt'>> {
  const counts = new Map<string, Record<string, number>>();
  let files = 0;
  let complete = true;
  for await (const f of replicas) {
    if (files >= max) {
      complete = false;
      break;
    }
    files += 1;
    const states = f.states ?? {};
    for (const rse of new Set([...Object.keys(f.rses), ...Object.keys(states)])) {
      const state = states[rse] ?? 'AVAILABLE';
      const tally = counts.get(rse) ?? {};
      tally[state] = (tally[state] ?? 0) + 1;
      counts.set(rse, tally);
    }
  }
  const rses = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rse, states]) => ({ rse, states }));
  return { files, complete, rses };
}
