import type { ReplicaLocks, RseDetails, RseSite } from '@bdms/contract';
import type {
  DatasetLockDto,
  DatasetReplicaDto,
  RseAccountUsageDto,
  RseInfoDto,
  RseRecordDto,
  RseUsageDto,
} from '@bdms/rucio-client';
import { isoInstant } from '../lib/rucio-values.ts';

const byName =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** A coordinate Rucio holds, or null: a missing one is never drawn at 0°. */
const coordinate = (v: unknown, max: number): number | null =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max ? v : null;

const unset = (v: unknown): boolean => v === null || v === undefined || v === '';

/** What is wrong with the coordinates Rucio holds, in words (null: usable, or none at all). */
export function coordinatesProblem(latitude: unknown, longitude: unknown): string | null {
  if (unset(latitude) && unset(longitude)) return null;
  const problems = [
    ['latitude', latitude, 90],
    ['longitude', longitude, 180],
  ] as const;
  const wrong = problems
    .filter(([, v, max]) => coordinate(v, max) === null)
    .map(([name, v, max]) =>
      unset(v)
        ? `no ${name}`
        : `${name} ${JSON.stringify(v)} is not a number between −${String(max)} and ${String(max)}`,
    );
  return wrong.length ? `Rucio's coordinates are unusable: ${wrong.join('; ')}` : null;
}

/** Rucio's RSE record → where it is and what it is. Both coordinates, or neither. */
export function toRseSite(r: RseRecordDto): RseSite {
  const latitude = coordinate(r.latitude, 90);
  const longitude = coordinate(r.longitude, 180);
  const placed = latitude !== null && longitude !== null;
  return {
    rse: r.rse,
    type: r.rse_type,
    latitude: placed ? latitude : null,
    longitude: placed ? longitude : null,
    coordinatesProblem: coordinatesProblem(r.latitude, r.longitude),
    city: r.city ?? null,
    country: r.country_name ?? null,
    continent: r.continent ?? null,
    volatile: r.volatile ?? false,
    staging: r.staging_area ?? false,
    availability: {
      read: r.availability_read ?? true,
      write: r.availability_write ?? true,
      delete: r.availability_delete ?? true,
    },
  };
}

export const toRseSites = (records: readonly RseRecordDto[]): RseSite[] =>
  records.map(toRseSite).sort(byName((s) => s.rse));

/** A protocol, with `{lan: {read: 1, write: 0}}` → `{lan: ['read']}` (what each domain allows). */
export function toProtocol(p: RseInfoDto['protocols'][number]): RseDetails['protocols'][number] {
  const domains: Record<string, string[]> = {};
  for (const [domain, ops] of Object.entries(p.domains ?? {}))
    domains[domain] = Object.entries(ops)
      .filter(([, priority]) => typeof priority === 'number' && priority > 0)
      .map(([op]) => op)
      .sort();
  const { scheme, hostname, port } = p;
  return { scheme, hostname, port, prefix: p.prefix ?? null, impl: p.impl ?? null, domains };
}

export function toUsage(u: RseUsageDto): RseDetails['usage'][number] {
  return {
    source: u.source,
    used: u.used ?? null,
    free: u.free ?? null,
    total: u.total ?? null,
    files: u.files ?? null,
    updatedAt: isoInstant(u.updated_at),
  };
}

export function toAccountLimit(
  a: RseAccountUsageDto,
): NonNullable<RseDetails['accountLimits']>[number] {
  const q = a.quota_bytes;
  // This listing returns an unlimited limit as stored (-1); /accounts/…/limits says Infinity.
  const unlimited = q === Number.POSITIVE_INFINITY || (typeof q === 'number' && q < 0);
  return {
    account: a.account,
    usedBytes: a.used_bytes ?? 0,
    usedFiles: a.used_files ?? 0,
    limitBytes: typeof q === 'number' && Number.isFinite(q) && q >= 0 ? q : null,
    unlimited,
  };
}

type Counts = { ok: number; replicating: number; stuck: number };
const STATE_KEY = { OK: 'ok', REPLICATING: 'replicating', STUCK: 'stuck' } as const;

/** Rucio's datasets on one RSE → the `top` with the most bytes there, and how many there are. */
export function topDatasets(
  rows: readonly DatasetReplicaDto[],
  top: number,
): Pick<RseDetails, 'topDatasets' | 'datasets'> {
  const sorted = [...rows].sort(
    (a, b) => (b.bytes ?? 0) - (a.bytes ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return {
    datasets: rows.length,
    topDatasets: sorted.slice(0, top).map((d) => ({
      scope: d.scope,
      name: d.name,
      state: d.state,
      bytes: d.bytes ?? null,
      files: d.length ?? null,
      availableBytes: d.available_bytes ?? null,
      availableFiles: d.available_length ?? null,
    })),
  };
}

/** Dataset locks → per RSE, how many by state (a dataset's lock per rule counts once each). */
export function locksPerRse(locks: Iterable<DatasetLockDto>): ReplicaLocks['rses'] {
  const per = new Map<string, Counts & { rse: string }>();
  const seen = new Set<string>();
  for (const l of locks) {
    // bulk_locks_for_dids may answer a dataset twice (asked directly and through a container).
    const id = `${l.rule_id} ${l.scope}:${l.name} ${l.rse}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const row = per.get(l.rse) ?? { rse: l.rse, ok: 0, replicating: 0, stuck: 0 };
    row[STATE_KEY[l.state]] += 1;
    per.set(l.rse, row);
  }
  return [...per.values()].sort(byName((r) => r.rse));
}
