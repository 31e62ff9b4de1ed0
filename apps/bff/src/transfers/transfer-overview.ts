import type { TransferOverview } from '@bdms/contract';
import type { TransferRequestDto } from '@bdms/rucio-client';
import { isoInstant } from '../lib/rucio-values.ts';

type Pair = TransferOverview['pairs'][number];
type Row = TransferOverview['requests'][number];

export const toTransferRow = (r: TransferRequestDto, source: string, destination: string): Row => ({
  id: r.id,
  scope: r.scope,
  name: r.name,
  state: r.state,
  bytes: r.bytes ?? null,
  account: r.account ?? null,
  ruleId: r.rule_id ?? null,
  activity: r.activity ?? null,
  source: r.source_rse ?? source,
  destination: r.dest_rse ?? destination,
  submittedAt: isoInstant(r.submitted_at ?? r.created_at),
  retries: r.retry_count ?? 0,
});

/**
 * Per pair, the requests in flight counted by state and summed; the requests themselves, oldest
 * submission first, at most `limit` (the counts always cover all of them).
 */
export function transferOverview(
  perPair: readonly {
    source: string;
    destination: string;
    requests: readonly TransferRequestDto[];
  }[],
  limit: number,
  fetchedAt: Date,
): TransferOverview {
  const pairs: Pair[] = [];
  const rows: Row[] = [];
  for (const { source, destination, requests } of perPair) {
    if (requests.length === 0) continue;
    const pair: Pair = { source, destination, files: 0, bytes: 0, states: {} };
    for (const r of requests) {
      pair.files += 1;
      pair.bytes += r.bytes ?? 0;
      pair.states[r.state] = (pair.states[r.state] ?? 0) + 1;
      rows.push(toTransferRow(r, source, destination));
    }
    pairs.push(pair);
  }
  pairs.sort(
    (a, b) => b.files - a.files || (a.source + a.destination < b.source + b.destination ? -1 : 1),
  );
  rows.sort(
    (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id.localeCompare(b.id),
  );
  return {
    pairs,
    requests: rows.slice(0, limit),
    total: rows.length,
    fetchedAt: fetchedAt.toISOString(),
  };
}
