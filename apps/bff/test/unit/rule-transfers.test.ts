import { describe, expect, it } from 'vitest';
import { RULE_TRANSFERS_LIMIT, RuleTransfers } from '@bdms/contract';
import type { RuleLockDto, TransferRequestDto } from '@bdms/rucio-client';
import { loadRecording, type Recording } from '@bdms/rucio-client/testing';
import { pendingLocks, ruleTransfers } from '../../src/rules/rule-transfers.ts';
import { replayGet } from './replay-app.ts';

/*
 * A rule's transfers: the BFF over the real client replaying the real Rucio's answers
 * (packages/rucio-client/scripts/record-rule-transfers.ts: a fresh rule's locks and its files'
 * requests caught while the devstack's transfer loop held them SUBMITTED).
 */

const rule = loadRecording('rule-transfers-rule');
const RULE_ID = (JSON.parse(rule.response.body) as { id: string }).id;
const locksRec = loadRecording('rule-transfers-locks');
const locks = locksRec.response.body
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as RuleLockDto);
const requestRecs = locks.map((_, i) => loadRecording(`rule-transfers-request-${i}`));
const dto = (rec: Recording) => JSON.parse(rec.response.body) as TransferRequestDto;
const PATH = `/api/rules/${RULE_ID}/transfers`;

/** A recording answering `path` as `like` was answered (a refusal, a request gone…). */
const answering = (path: string, like: Recording): Recording => ({
  request: { ...like.request, path },
  response: like.response,
});

/** The recorded locks listing with every lock in `state`, as many times as asked. */
function locksListing(count: number, state = 'REPLICATING'): Recording {
  const lines = Array.from({ length: count }, (_, i) => {
    const lock = locks[i % locks.length];
    return JSON.stringify({ ...lock, name: `${lock?.name ?? ''}.${i}`, state });
  });
  return { request: locksRec.request, response: { ...locksRec.response, body: lines.join('\n') } };
}

describe('GET /api/rules/:id/transfers', () => {
  it('when the rule’s files are in flight, then each not-OK lock comes with its request as Rucio has it', async () => {
    const { res, seen } = await replayGet(PATH, [rule, locksRec, ...requestRecs]);
    expect(res.status).toBe(200);
    const body = RuleTransfers.parse(res.body);
    const pending = locks.filter((l) => l.state !== 'OK');
    expect(pending.length).toBeGreaterThan(0);
    expect(body).toMatchObject({ ruleId: RULE_ID, total: pending.length, shown: pending.length });
    expect(body.transfers.map((t) => t.name)).toEqual(pending.map((l) => l.name));
    expect(seen.filter((s) => s.url.includes('/requests/'))).toHaveLength(pending.length);
    for (const t of body.transfers) {
      const i = locks.findIndex((l) => l.name === t.name);
      const r = dto(requestRecs[i] as Recording);
      expect(t).toMatchObject({ scope: r.scope, rse: locks[i]?.rse, lockState: locks[i]?.state });
      expect(t.request).toMatchObject({
        id: r.id,
        state: r.state,
        destination: locks[i]?.rse,
        bytes: r.bytes,
        retries: r.retry_count ?? 0,
        activity: r.activity,
        externalId: r.external_id ?? null,
        error: null,
      });
      expect(t.request?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      expect(t.request?.updatedAt).toMatch(/Z$/);
    }
    expect(body.transfers.some((t) => t.request?.state === 'SUBMITTED' && t.request.source)).toBe(
      true,
    );
    expect(Date.parse(body.fetchedAt)).not.toBeNaN();
  });

  it('when Rucio has no request for a file (done, moved to its history), then that file’s request is null', async () => {
    const gone = loadRecording('transfer-request-done');
    const first = requestRecs[0] as Recording;
    const { res } = await replayGet(PATH, [
      rule,
      locksRec,
      answering(first.request.path, gone),
      ...requestRecs.slice(1),
    ]);
    expect(res.status).toBe(200);
    const body = RuleTransfers.parse(res.body);
    expect(body.transfers[0]?.request).toBeNull();
    expect(body.transfers.slice(1).every((t) => t.request !== null)).toBe(true);
  });

  it('when Rucio refuses the token on a request, then the contract’s error comes, not a crash', async () => {
    const refused = loadRecording('transfer-request-bad-token');
    const { res } = await replayGet(PATH, [
      rule,
      locksRec,
      ...requestRecs.map((r) => answering(r.request.path, refused)),
    ]);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('rucio_rejected_token');
  });

  it('when the rule is unknown, then 404 and no request is asked', async () => {
    const unknown = '0123456789abcdef0123456789abcdef';
    const { res, seen } = await replayGet(`/api/rules/${unknown}/transfers`, ['rule-unknown']);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(seen.filter((s) => s.url.includes('/requests/'))).toHaveLength(0);
  });

  it('when more locks are not OK than the limit, then only the first 50 are asked and the answer says how many there are', async () => {
    const many = locksListing(120);
    const queued = loadRecording('transfer-request-queued');
    const lines = many.response.body.split('\n').map((l) => JSON.parse(l) as RuleLockDto);
    const recs = lines.map((l) =>
      answering(`/requests/${l.scope}/${encodeURIComponent(l.name)}/${l.rse}`, queued),
    );
    const { res, seen } = await replayGet(PATH, [rule, many, ...recs]);
    const body = RuleTransfers.parse(res.body);
    expect(body).toMatchObject({ total: 120, shown: RULE_TRANSFERS_LIMIT });
    expect(body.transfers).toHaveLength(RULE_TRANSFERS_LIMIT);
    expect(seen.filter((s) => s.url.includes('/requests/'))).toHaveLength(RULE_TRANSFERS_LIMIT);
  });

  it('when the id is not a rule id, then 400 before Rucio is asked', async () => {
    const { res, seen } = await replayGet('/api/rules/not-a-rule/transfers', []);
    expect(res.status).toBe(400);
    expect(seen).toHaveLength(0);
  });
});

describe('pendingLocks and ruleTransfers', () => {
  async function* stream(n: number, state: RuleLockDto['state']): AsyncGenerator<RuleLockDto> {
    for (let i = 0; i < n; i += 1) {
      await Promise.resolve();
      yield { scope: 's', name: `f${i}`, rse: 'R', rule_id: 'r', state: i % 3 ? state : 'OK' };
    }
  }

  it('keeps the first 50 locks that are not OK of a 100 000-line listing and counts them all', async () => {
    const { pending, total } = await pendingLocks(stream(100_000, 'STUCK'));
    expect(total).toBe(66_666);
    expect(pending).toHaveLength(RULE_TRANSFERS_LIMIT);
    expect(pending.every((l) => l.state === 'STUCK')).toBe(true);
  });

  it('asks Rucio 4 files at a time, and maps a FAILED request with its error', async () => {
    let running = 0;
    let most = 0;
    const failed = {
      ...dto(requestRecs[0] as Recording),
      state: 'FAILED',
      err_msg: 'SOURCE HTTP 404',
      dest_rse: null,
    };
    const port = {
      getTransferRequest: async ({ name }: { name: string }) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return name === 'f1' ? failed : null;
      },
    };
    const pending = await pendingLocks(stream(30, 'REPLICATING'));
    const call = { token: 't', signal: new AbortController().signal };
    const out = await ruleTransfers(port, call, 'r', pending);
    expect(most).toBe(4);
    expect(out.transfers[0]?.request).toMatchObject({
      state: 'FAILED',
      error: 'SOURCE HTTP 404',
      destination: 'R',
    });
    expect(out.transfers.slice(1).every((t) => t.request === null)).toBe(true);
  });
});
