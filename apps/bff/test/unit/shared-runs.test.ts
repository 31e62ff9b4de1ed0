import { describe, expect, it } from 'vitest';
import { createSharedRuns } from '../../src/lib/shared-runs.ts';

/** A computation that waits until released (or aborted) and counts its starts. */
function gate() {
  let starts = 0;
  let release: (value: string) => void = () => undefined;
  const signals: AbortSignal[] = [];
  const work = (signal: AbortSignal) => {
    starts += 1;
    signals.push(signal);
    return new Promise<string>((resolve, reject) => {
      release = resolve;
      signal.addEventListener('abort', () => {
        reject(signal.reason as Error);
      });
    });
  };
  return {
    work,
    starts: () => starts,
    release: (v: string) => {
      release(v);
    },
    signals,
  };
}

describe('shared runs', () => {
  it('when several callers ask for one key at once, then one computation answers them all', async () => {
    const runs = createSharedRuns();
    const g = gate();
    const callers = [1, 2, 3].map(() => runs.join('k', new AbortController().signal, g.work));
    g.release('done');
    expect(await Promise.all(callers)).toEqual(['done', 'done', 'done']);
    expect(g.starts()).toBe(1);
    expect(runs.running()).toBe(0);
  });

  it('when one of two callers leaves, then it is answered with its abort and the other still gets the result', async () => {
    const runs = createSharedRuns();
    const g = gate();
    const leaving = new AbortController();
    const first = runs.join('k', leaving.signal, g.work);
    const second = runs.join('k', new AbortController().signal, g.work);
    leaving.abort();
    await expect(first).rejects.toThrow();
    expect(g.signals[0]?.aborted).toBe(false);
    g.release('done');
    expect(await second).toBe('done');
  });

  it('when every caller leaves, then the computation is aborted, and a newcomer starts afresh', async () => {
    const runs = createSharedRuns();
    const g = gate();
    const a = new AbortController();
    const b = new AbortController();
    const calls = [runs.join('k', a.signal, g.work), runs.join('k', b.signal, g.work)];
    a.abort();
    b.abort();
    await Promise.allSettled(calls);
    expect(g.signals[0]?.aborted).toBe(true);
    const again = runs.join('k', new AbortController().signal, g.work);
    expect(g.starts()).toBe(2);
    g.release('fresh');
    expect(await again).toBe('fresh');
  });

  it('when a computation fails, then every caller gets the failure and the next call starts again', async () => {
    const runs = createSharedRuns();
    let starts = 0;
    const failing = () => {
      starts += 1;
      return Promise.reject(new Error('down'));
    };
    const s = new AbortController().signal;
    await expect(
      Promise.all([runs.join('k', s, failing), runs.join('k', s, failing)]),
    ).rejects.toThrow('down');
    expect(starts).toBe(1);
    await expect(runs.join('k', s, failing)).rejects.toThrow('down');
    expect(starts).toBe(2);
  });

  it('when the caller has already left, then nothing starts', async () => {
    const runs = createSharedRuns();
    const g = gate();
    const gone = new AbortController();
    gone.abort();
    await expect(runs.join('k', gone.signal, g.work)).rejects.toThrow();
    expect(g.starts()).toBe(0);
  });
});
