/**
 * Where a DID's files are and how far staging them is, from what Rucio answered: pure, so each
 * case is tested without Rucio.
 */
import type {
  DidRule,
  ReplicaSummary,
  StagingProgress,
  StagingStatus,
  StagingWhere,
} from '@bdms/contract';
import type { StagingConfig } from './staging-config.ts';

export type RseType = 'DISK' | 'TAPE';

export interface StatusInput {
  summary: ReplicaSummary;
  /** RSE → type; an RSE Rucio does not list is not taken for tape. */
  types: ReadonlyMap<string, RseType>;
  rules: readonly DidRule[];
  config: StagingConfig;
  now: Date;
}

const most = (values: number[]): number => Math.max(0, ...values);

/**
 * Disk when one disk RSE has every file; partial when disks have some; tape only when no disk has
 * any and a tape has some; none when no RSE has any available.
 */
export function whereFiles(summary: ReplicaSummary, types: ReadonlyMap<string, RseType>) {
  const tape = (rse: string) => types.get(rse) === 'TAPE';
  const files = most(summary.rses.map((r) => r.totalFiles));
  const onDisk = most(summary.rses.filter((r) => !tape(r.rse)).map((r) => r.availableFiles));
  const onTape = summary.rses.filter((r) => tape(r.rse) && r.availableFiles > 0);
  const tapeFiles = most(onTape.map((r) => r.availableFiles));
  const where: StagingWhere =
    files > 0 && onDisk >= files
      ? 'disk'
      : onDisk > 0
        ? 'partial'
        : tapeFiles > 0
          ? 'tape-only'
          : 'none';
  const bytes = summary.rses.reduce<number | null>(
    (m, r) => (r.totalBytes !== null && (m === null || r.totalBytes > m) ? r.totalBytes : m),
    null,
  );
  return { where, files, bytes, filesOnDisk: onDisk, tapeRses: onTape.map((r) => r.rse).sort() };
}

/** What the newest live staging rule says, once the replicas say the data is not on disk yet. */
function progressOf(where: StagingWhere, tapeRses: readonly string[], rules: readonly DidRule[]) {
  if (where === 'disk') return 'on_disk' satisfies StagingProgress;
  const rule = rules[0];
  if (!rule) return tapeRses.length > 0 ? 'not_requested' : 'cannot_stage';
  if (rule.state === 'WAITING_APPROVAL') return 'waiting_approval';
  if (rule.state === 'STUCK' || rule.locks.stuck > 0) return 'stuck';
  // OK while the replicas lag (a dataset's counts wait for Rucio), or REPLICATING / INJECT.
  return 'replicating';
}

export function stagingStatus(input: StatusInput): StagingStatus {
  const { config, now } = input;
  const found = whereFiles(input.summary, input.types);
  const live = (r: DidRule) => !r.expiresAt || Date.parse(r.expiresAt) > now.getTime();
  const rules = input.rules
    .filter((r) => r.rseExpression === config.rse && live(r))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  return {
    ...found,
    progress: progressOf(found.where, found.tapeRses, rules),
    stagingRse: config.rse,
    lifetime: config.lifetime,
    rules,
    fetchedAt: now.toISOString(),
  };
}
