import { describe, expect, it } from 'vitest';
import { inTurn } from '../../src/lib/async-iter.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inTurn', () => {
  it('keeps the items’ order and never runs more than `parallel` at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await inTurn([30, 5, 20, 1, 10, 2], 2, async (ms) => {
      running += 1;
      peak = Math.max(peak, running);
      await tick(ms);
      running -= 1;
      return ms * 10;
    });
    expect(out).toEqual([300, 50, 200, 10, 100, 20]);
    expect(peak).toBe(2);
  });

  it('starts the next item as soon as one worker is free, not after the slowest of a batch', async () => {
    const started: number[] = [];
    const t0 = Date.now();
    await inTurn([60, 5, 5, 5], 2, async (ms) => {
      started.push(Date.now() - t0);
      await tick(ms);
    });
    // In batches the third item would wait for the 60 ms one.
    expect(started[2]).toBeLessThan(40);
  });

  it('rejects with the first error and starts no new item after it', async () => {
    const seen: number[] = [];
    const run = inTurn([1, 2, 3, 4, 5], 1, async (n) => {
      seen.push(n);
      await tick(1);
      if (n === 2) throw new Error('two');
      return n;
    });
    await expect(run).rejects.toThrow('two');
    expect(seen).toEqual([1, 2]);
  });
});
