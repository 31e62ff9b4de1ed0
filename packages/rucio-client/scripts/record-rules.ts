/**
 * Records the REAL devstack Rucio's answers behind the rules pages into
 * test/fixtures/recorded/rules-*.json (replayed by test/rules.test.ts and the BFF's unit tests):
 * alice's rules, with and without a state filter, another account's, one rule, its file locks,
 * and the answers to an unknown id. Run with the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-rules.ts
 */
import { recordStream, rootToken } from './stream-recorder.ts';

const UNKNOWN = '0123456789abcdef0123456789abcdef';
const json = { Accept: 'application/json' };

/** The id of the first rule of a recorded listing. */
function firstId(body: string): string {
  const line = body.split('\n').find(Boolean);
  if (!line) throw new Error('no rule recorded: seed the devstack first');
  return (JSON.parse(line) as { id: string }).id;
}

/** Of a listing, the rule with the most locks (the richest locks per RSE). */
function largest(body: string): string {
  const rules = body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; locks_ok_cnt: number });
  const best = rules.sort((a, b) => b.locks_ok_cnt - a.locks_ok_cnt)[0];
  if (!best) throw new Error('no rule recorded for ctaoadmin');
  return best.id;
}

async function main(): Promise<void> {
  const token = await rootToken();
  const alice = await recordStream('rules-alice', '/rules/?account=alice', token);
  await recordStream('rules-alice-ok', '/rules/?account=alice&state=O', token);
  await recordStream('rules-alice-stuck', '/rules/?account=alice&state=S', token);
  const admin = await recordStream('rules-ctaoadmin', '/rules/?account=ctaoadmin', token);
  const id = firstId(alice.response.body);
  await recordStream('rule', `/rules/${id}`, token, undefined, json);
  await recordStream('rule-locks', `/rules/${id}/locks`, token);
  const big = largest(admin.response.body);
  await recordStream('rule-big', `/rules/${big}`, token, undefined, json);
  await recordStream('rule-big-locks', `/rules/${big}/locks`, token);
  await recordStream('rule-unknown', `/rules/${UNKNOWN}`, token, undefined, json);
  await recordStream('rule-unknown-locks', `/rules/${UNKNOWN}/locks`, token);
}

await main();
