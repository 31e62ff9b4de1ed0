import type { RuleDetails } from '@bdms/contract';
import type { RuleLockDto } from '@bdms/rucio-client';

type PerRse = RuleDetails['locks'][number];

const KEY = { OK: 'ok', REPLICATING: 'replicating', STUCK: 'stuck' } as const;

/**
 * A rule's file locks counted per RSE and state as they stream by: memory grows with the RSEs,
 * not with the 100 000 lines of a big dataset's rule.
 */
export async function locksPerRse(
  locks: AsyncIterable<RuleLockDto>,
): Promise<{ locks: PerRse[]; files: number }> {
  const per = new Map<string, PerRse>();
  let files = 0;
  for await (const lock of locks) {
    files += 1;
    let counts = per.get(lock.rse);
    if (!counts) {
      counts = { rse: lock.rse, ok: 0, replicating: 0, stuck: 0 };
      per.set(lock.rse, counts);
    }
    counts[KEY[lock.state]] += 1;
  }
  return { locks: [...per.values()].sort((a, b) => a.rse.localeCompare(b.rse)), files };
}
