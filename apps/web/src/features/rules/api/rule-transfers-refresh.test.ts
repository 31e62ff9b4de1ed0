import { focusManager } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { slowBff, watchQuery } from '@/testing/slow-bff.ts';
import { RULE_ID, makeRuleTransfers } from '@/testing/rule-factories.ts';
import { ruleTransfersQueryOptions } from './get-rule-transfers.ts';

const watch = (live: boolean) => watchQuery(ruleTransfersQueryOptions(RULE_ID, live));

afterEach(() => {
  focusManager.setFocused(undefined);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the transfers of a replicating rule, refreshed', () => {
  it('every 5 s, one request at a time even when the BFF is slower than that', async () => {
    vi.useFakeTimers();
    const fetch = slowBff(makeRuleTransfers(), 7_000);
    const stop = await watch(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toContain(`/api/rules/${RULE_ID}/transfers`);
    await vi.advanceTimersByTimeAsync(7_000); // first answer
    await vi.advanceTimersByTimeAsync(5_000); // the interval fires: second request
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5_000); // fires again while the second is pending
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2_000 + 5_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    stop();
  });

  it('not at all while the tab is hidden, again once it shows', async () => {
    vi.useFakeTimers();
    const fetch = slowBff(makeRuleTransfers(), 0);
    const stop = await watch(true);
    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch.mock.calls.length).toBeGreaterThan(1);
    stop();
  });

  it('never when the rule does not replicate (stuck, suspended…)', async () => {
    vi.useFakeTimers();
    const fetch = slowBff(makeRuleTransfers(), 0);
    const stop = await watch(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    stop();
  });
});
