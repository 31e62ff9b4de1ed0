import { focusManager } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { slowBff, watchQuery } from '@/testing/slow-bff.ts';
import { makeListedRule, makeRuleList } from '@/testing/rule-factories.ts';
import { rulesQueryOptions } from './get-rules.ts';

const replicating = makeRuleList({ rules: [makeListedRule({ state: 'REPLICATING' })] });

const watch = () => watchQuery(rulesQueryOptions({}));

afterEach(() => {
  focusManager.setFocused(undefined);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the rules list polling', () => {
  it('while a rule replicates, asks every 10 s, one request at a time even when the BFF is slower than that', async () => {
    vi.useFakeTimers();
    const fetch = slowBff(replicating, 15_000);
    const stop = await watch();
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(15_000); // first answer: a rule replicates
    await vi.advanceTimersByTimeAsync(10_000); // the interval fires: second request
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10_000); // fires again while the second is pending
    expect(fetch).toHaveBeenCalledTimes(2);
    stop();
  });

  it('pauses while the tab is hidden', async () => {
    vi.useFakeTimers();
    const fetch = slowBff(replicating, 0);
    const stop = await watch();
    await vi.advanceTimersByTimeAsync(0);
    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch.mock.calls.length).toBeGreaterThan(1);
    stop();
  });
});
