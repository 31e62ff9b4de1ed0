/** The browser bench's runs as figures: medians of the runs, min/max and diagnostics in details. */
import type { ScrollResult, SearchMarks } from './browser-page.ts';
import type { MainThreadTasks } from './browser-trace.ts';
import { summarize, type Figure } from './stats.ts';

export interface RunSample {
  marks: { [K in keyof SearchMarks]: number };
  scroll: ScrollResult;
  /** The scroll's top-level main-thread tasks, from a trace (wall and CPU time). */
  trace: MainThreadTasks;
  /** Share of wall time the renderer's main thread was busy while the result streamed. */
  streamBusy: number;
  /** The machine's 1-minute load average when the scroll ended (2 cores: above 2 is contention). */
  load: number;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

function spread(xs: number[]) {
  const s = summarize(xs);
  return { ...s, detail: `min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, n ${s.n}` };
}

export function figuresOf(samples: RunSample[], rows: number): Figure[] {
  const of = (f: (s: RunSample) => number) => spread(samples.map(f));
  const paint = of((s) => s.marks.firstRowsPainted - s.marks.firstByte);
  const firstByte = of((s) => s.marks.firstByte - s.marks.start);
  const tasks = of((s) => s.scroll.longTasks);
  const cpuLong = of((s) => s.trace.longByCpu);
  const longest = of((s) => s.scroll.longestTaskMs);
  const longestCpu = of((s) => s.trace.longestCpuMs);
  const scroll = of((s) => s.scroll.ms);
  const slow = of((s) => s.scroll.slowFrames);
  const blank = of((s) => s.scroll.blankFrames);
  const stream = of((s) => s.marks.end - s.marks.firstByte);
  const total = of((s) => s.marks.end - s.marks.start);
  const busy = of((s) => s.streamBusy * 100);
  const load = of((s) => s.load);
  const first = samples[0]?.scroll;
  const label = rows.toLocaleString('en');
  return [
    {
      name: 'browser: first rows − first byte',
      value: paint.median,
      unit: 'ms',
      target: { op: '<=', limit: 300 },
      detail: `${paint.detail}; first byte ${ms(firstByte.median)} after the request`,
    },
    {
      name: 'browser: long tasks in scroll',
      value: tasks.median,
      unit: 'n',
      target: { op: '<=', limit: 0 },
      detail: `${tasks.detail}; Long Tasks API (wall time > 50 ms), scrolling ${label} rows top to bottom; load average ${load.median.toFixed(1)}`,
    },
    {
      name: 'browser: CPU-long tasks in scroll',
      value: cpuLong.median,
      unit: 'n',
      detail: `${cpuLong.detail}; tasks with > 50 ms of main-thread CPU time (trace); longest ${ms(longestCpu.median)} CPU vs ${ms(longest.median)} wall (median of runs)`,
    },
    {
      name: 'browser: scroll to the last row',
      value: scroll.median,
      unit: 'ms',
      detail: `${scroll.detail}; ${first?.frames ?? 0} frames of ${first?.stepPx ?? 0} px; frames > 50 ms: median ${slow.median} (max ${slow.max}); frames with rows in view missing: max ${blank.max}`,
    },
    {
      name: `browser: ${label} rows streamed`,
      value: stream.median,
      unit: 'ms',
      detail: `first byte → trailer, ${stream.detail}; request → trailer median ${ms(total.median)}; page main thread busy ${busy.median.toFixed(0)}% meanwhile`,
    },
  ];
}
