import { describe, expect, it } from 'vitest';
import { drainQueue } from '../../src/lib/work-queue.ts';

const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));

describe('draining a work queue', () => {
  it('when tasks add tasks, then all run, never more than inFlight at once, and it says it emptied', async () => {
    const queue = [3];
    const ran: number[] = [];
    let running = 0;
    let most = 0;
    const signal = new AbortController().signal;
    const drained = await drainQueue(
      queue,
      { inFlight: 2, signal, more: () => true },
      async (n) => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        ran.push(n);
        if (n > 0) queue.push(n - 1, n - 1);
        running -= 1;
      },
    );
    expect(drained).toBe(true);
    expect(ran).toHaveLength(15);
    expect(most).toBe(2);
  });

  it('when more() says stop, then no task starts any more and it says it did not empty', async () => {
    const queue = [1, 2, 3, 4];
    const ran: number[] = [];
    const signal = new AbortController().signal;
    const drained = await drainQueue(
      queue,
      { inFlight: 1, signal, more: () => ran.length < 2 },
      (n) => {
        ran.push(n);
        return Promise.resolve();
      },
    );
    expect(drained).toBe(false);
    expect(ran).toEqual([1, 2]);
  });

  it('when a task fails, then the tasks still running are aborted and the failure is thrown', async () => {
    const signals: AbortSignal[] = [];
    const signal = new AbortController().signal;
    const run = drainQueue([1, 2, 3], { inFlight: 3, signal, more: () => true }, async (n, s) => {
      signals.push(s);
      await tick(n === 1 ? 1 : 50);
      if (n === 1) throw new Error('Rucio down');
    });
    await expect(run).rejects.toThrow('Rucio down');
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('when the caller aborts, then the running tasks see it', async () => {
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    const run = drainQueue(
      [1],
      { inFlight: 1, signal: caller.signal, more: () => true },
      async (_n, s) => {
        seen = s;
        await tick(20);
        s.throwIfAborted();
      },
    );
    caller.abort();
    await expect(run).rejects.toThrow();
    expect(seen?.aborted).toBe(true);
  });
});
