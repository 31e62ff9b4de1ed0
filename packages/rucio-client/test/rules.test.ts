import { describe, expect, it } from 'vitest';
import { RucioError } from '../src/index.ts';
import { all, loadRecording, replayClient } from './replay.ts';

/**
 * An account's rules, one rule and its file locks, replayed from responses recorded on the real
 * devstack server (scripts/record-rules.ts).
 */
const client = (names: string[]) => replayClient(names, 89);
const token = 'tok';
const idOf = (name: string): string => {
  const line = loadRecording(name).response.body.split('\n').find(Boolean) ?? '{}';
  return (JSON.parse(line) as { id: string }).id;
};

describe('rules of an account', () => {
  it('lists an account’s rules with their lock counts, asking with the account', async () => {
    const { rucio, seen } = client(['rules-alice']);
    const rules = await all(rucio.listRules({ token, account: 'alice' }));
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules)
      expect(r).toMatchObject({
        account: 'alice',
        locks_ok_cnt: expect.any(Number) as number,
        rse_expression: expect.any(String) as string,
      });
    expect(new URL(seen[0]?.url ?? '').search).toBe('?account=alice');
  });

  it('sends a state as Rucio’s one-letter code (it answers 500 to the name)', async () => {
    const { rucio, seen } = client(['rules-alice-ok', 'rules-alice-stuck']);
    const ok = await all(rucio.listRules({ token, account: 'alice', state: 'OK' }));
    expect(ok.every((r) => r.state === 'OK')).toBe(true);
    expect(await all(rucio.listRules({ token, account: 'alice', state: 'STUCK' }))).toEqual([]);
    expect(seen.map((s) => new URL(s.url).search)).toEqual([
      '?account=alice&state=O',
      '?account=alice&state=S',
    ]);
  });
});

describe('one rule', () => {
  it('reads the rule (application/json) and streams its file locks, one line per file', async () => {
    const id = idOf('rules-alice');
    const { rucio } = client(['rule', 'rule-locks']);
    expect(await rucio.getRule({ token, id })).toMatchObject({ id, account: 'alice' });
    const locks = await all(rucio.listRuleLocks({ token, id }));
    expect(locks.length).toBeGreaterThan(0);
    for (const l of locks)
      expect(l).toMatchObject({ rule_id: id, rse: expect.any(String) as string, state: 'OK' });
    expect(locks[0]).not.toHaveProperty('bytes');
  });

  it('an unknown id: the rule is RuleNotFound (404), its locks an empty listing', async () => {
    const id = '0123456789abcdef0123456789abcdef';
    const { rucio } = client(['rule-unknown', 'rule-unknown-locks']);
    const refused = await rucio.getRule({ token, id }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RucioError);
    expect(refused).toMatchObject({ status: 404, exceptionClass: 'RuleNotFound' });
    expect(await all(rucio.listRuleLocks({ token, id }))).toEqual([]);
  });
});
