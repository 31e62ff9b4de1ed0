import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { RuleDetails, RuleList } from '@bdms/contract';
import { createRucioClient, type RuleLockDto } from '@bdms/rucio-client';
import { loadRecording, replayFetch } from '@bdms/rucio-client/testing';
import { locksPerRse } from '../../src/rules/rule-locks.ts';
import { ALICE_CLAIMS, login, makeApp, stubOidc, stubRucio } from './helpers.ts';

/*
 * The rules pages: the BFF over the real client replaying the real Rucio's answers
 * (packages/rucio-client/scripts/record-rules.ts). whoami is stubbed: alice.
 */

const lines = (name: string) =>
  loadRecording(name)
    .response.body.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const ruleId = String(lines('rules-alice')[0]?.id);
const bigId = String(JSON.parse(loadRecording('rule-big').response.body).id);

async function get(path: string, recordings: string[], groups = ALICE_CLAIMS['wlcg.groups']) {
  const replay = replayFetch(recordings.map(loadRecording), { chunkSize: 97 });
  const client = createRucioClient({
    baseUrl: 'http://rucio.test',
    userAgent: 't',
    fetch: replay.fetch,
  });
  const { listRules, getRule, listRuleLocks } = client;
  const t = makeApp({
    rucio: stubRucio({ listRules, getRule, listRuleLocks }),
    oidc: stubOidc({ claims: { ...ALICE_CLAIMS, 'wlcg.groups': groups } }),
  });
  const { sessionCookie } = await login(t);
  const res = await request(t.app).get(path).set('Cookie', sessionCookie);
  return { res, seen: replay.seen.map((s) => new URL(s.url)) };
}

describe('GET /api/rules', () => {
  it('when no account is named, then the signed-in account’s rules come, as Rucio lists them', async () => {
    const { res, seen } = await get('/api/rules', ['rules-alice']);
    expect(res.status).toBe(200);
    const list = RuleList.parse(res.body);
    expect(list).toMatchObject({ account: 'alice', state: null, truncated: false });
    expect(list.rules.map((r) => r.id)).toEqual(lines('rules-alice').map((l) => l.id));
    const [rule, dto] = [list.rules[0], lines('rules-alice')[0]];
    expect(rule).toMatchObject({
      on: { scope: dto?.scope, name: dto?.name, type: 'DATASET' },
      rseExpression: dto?.rse_expression,
      locks: { ok: dto?.locks_ok_cnt, replicating: 0, stuck: 0 },
      createdAt: expect.stringMatching(/Z$/) as string,
    });
    expect(seen[0]?.search).toBe('?account=alice');
  });

  it('when a state is asked, then Rucio gets its one-letter code', async () => {
    const { res, seen } = await get('/api/rules?state=STUCK', ['rules-alice-stuck']);
    expect(RuleList.parse(res.body)).toMatchObject({ state: 'STUCK', rules: [] });
    expect(seen[0]?.search).toBe('?account=alice&state=S');
  });

  it('when more rules than the limit exist, then the list is cut and says so', async () => {
    const { res } = await get(
      '/api/rules?account=ctaoadmin&limit=2',
      ['rules-ctaoadmin'],
      ['/ctao/admins'],
    );
    const list = RuleList.parse(res.body);
    expect(list.rules).toHaveLength(2);
    expect(list.truncated).toBe(true);
  });

  it('when a non-admin asks for another account, then 403 and Rucio is not asked', async () => {
    const { res, seen } = await get('/api/rules?account=ctaoadmin', ['rules-ctaoadmin']);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden' });
    expect(seen).toEqual([]);
  });

  it('when an admin asks for another account, then that account’s rules come', async () => {
    const { res } = await get(
      '/api/rules?account=ctaoadmin',
      ['rules-ctaoadmin'],
      ['/ctao/admins'],
    );
    const list = RuleList.parse(res.body);
    expect(list.account).toBe('ctaoadmin');
    expect(list.rules).toHaveLength(lines('rules-ctaoadmin').length);
    expect(new Set(list.rules.map((r) => r.account))).toEqual(new Set(['ctaoadmin']));
  });

  it.each(['state=INJECT', 'state=ok', 'limit=0', 'limit=1001', 'account=Not%20One'])(
    'when the query is malformed (%s), then 400 bad_request',
    async (q) => {
      const { res } = await get(`/api/rules?${q}`, []);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    },
  );
});

describe('GET /api/rules/:id', () => {
  it('when the rule exists, then it comes with its file locks counted per RSE', async () => {
    const { res } = await get(`/api/rules/${bigId}`, ['rule-big', 'rule-big-locks']);
    expect(res.status).toBe(200);
    const d = RuleDetails.parse(res.body);
    const locks = lines('rule-big-locks');
    expect(d.rule.id).toBe(bigId);
    expect(d.files).toBe(locks.length);
    const rses = [...new Set(locks.map((l) => String(l.rse)))].sort();
    expect(d.locks.map((l) => l.rse)).toEqual(rses);
    for (const l of d.locks)
      expect(l.ok).toBe(locks.filter((x) => x.rse === l.rse && x.state === 'OK').length);
  });

  it('when the id is unknown, then 404 in Rucio’s words', async () => {
    const { res } = await get('/api/rules/0123456789abcdef0123456789abcdef', ['rule-unknown']);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.message).toContain('No rule with the id');
  });

  it('when the id is not 32 hexadecimal characters, then 400 before Rucio is asked', async () => {
    const { res, seen } = await get(`/api/rules/${ruleId}x`, []);
    expect(res.status).toBe(400);
    expect(seen).toEqual([]);
  });
});

describe('locksPerRse', () => {
  it('counts 100 000 streamed locks per RSE and state', async () => {
    async function* many(): AsyncGenerator<RuleLockDto> {
      const states = ['OK', 'REPLICATING', 'STUCK'] as const;
      for (let i = 0; i < 100_000; i += 1) {
        await Promise.resolve();
        yield {
          scope: 's',
          name: `f${i}`,
          rse: i % 2 ? 'B' : 'A',
          rule_id: 'r',
          state: states[i % 3] ?? 'OK',
        };
      }
    }
    const { locks, files } = await locksPerRse(many());
    expect(files).toBe(100_000);
    expect(locks.map((l) => l.rse)).toEqual(['A', 'B']);
    const sum = locks.reduce((n, l) => n + l.ok + l.replicating + l.stuck, 0);
    expect(sum).toBe(100_000);
  });
});
