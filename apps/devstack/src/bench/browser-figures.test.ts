import { describe, expect, it } from 'vitest';
import { figuresOf, type RunSample } from './browser-figures.ts';
import { summarise, type TraceEvent } from './browser-trace.ts';

const sample = (paintMs: number, longTasks: number): RunSample => ({
  marks: { start: 0, firstByte: 1000, firstRowsPainted: 1000 + paintMs, end: 61_000 },
  scroll: {
    ms: 100_000,
    frames: 6000,
    stepPx: 590,
    slowFrames: longTasks,
    longestFrameMs: 40,
    blankFrames: 0,
    settleFrames: 1,
    longTasks,
    longestTaskMs: longTasks > 0 ? 70 : 0,
    lastRowRendered: true,
    lastRenderedIndex: 99_999,
    scrollTop: 3_599_400,
    scrollHeight: 3_600_037,
  },
  trace: { tasks: 30_000, longByWall: longTasks, longByCpu: 0, longestCpuMs: 20 },
  streamBusy: 0.25,
  load: 1.5,
});

describe('browser figures', () => {
  it('when three runs are given, then each figure is their median and only the first two carry targets', () => {
    const figures = figuresOf([sample(120, 0), sample(400, 3), sample(150, 1)], 100_000);
    const byName = Object.fromEntries(figures.map((f) => [f.name, f]));
    expect(byName['browser: first rows − first byte']).toMatchObject({
      value: 150,
      target: { op: '<=', limit: 300 },
    });
    expect(byName['browser: long tasks in scroll']).toMatchObject({
      value: 1,
      target: { op: '<=', limit: 0 },
    });
    expect(byName['browser: 100,000 rows streamed']?.value).toBe(60_000);
    expect(figures.filter((f) => f.target)).toHaveLength(2);
  });
});

const task = (ts: number, dur: number, tdur: number, tid = 1): TraceEvent => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  pid: 7,
  tid,
  ts,
  dur,
  tdur,
});

describe('main-thread tasks from a trace', () => {
  it('when tasks nest or run on other threads, then only the page main thread’s top-level tasks count', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', pid: 7, tid: 1, ts: 0, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', pid: 7, tid: 2, ts: 0, args: { name: 'Compositor' } },
      task(0, 80_000, 20_000), // long by wall only: waited for a core
      task(10_000, 5_000, 5_000), // nested in the one before
      task(100_000, 60_000, 55_000), // long by CPU too
      task(200_000, 3_000, 3_000),
      task(0, 90_000, 90_000, 2), // not the main thread
    ];
    expect(summarise(events)).toEqual({
      tasks: 3,
      longByWall: 2,
      longByCpu: 1,
      longestCpuMs: 55,
    });
  });
});
