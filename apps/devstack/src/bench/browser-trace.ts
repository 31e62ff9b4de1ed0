/**
 * Chromium's own view of the page's main thread (DevTools protocol), to tell the SPA's work from
 * the machine's noise: the Long Tasks API measures a task's wall time, so on a busy 2-core machine
 * a 10 ms task that waits for a core counts as long. A trace of the top-level tasks also gives
 * each task's thread (CPU) time; and the renderer's cumulative task time says how busy the main
 * thread was while the result streamed.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface MainThreadTasks {
  tasks: number;
  /** Over 50 ms of wall time (what the Long Tasks API reports). */
  longByWall: number;
  /** Over 50 ms of the main thread's CPU time: the page's own long work. */
  longByCpu: number;
  longestCpuMs: number;
}

const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** Top-level tasks of the busiest renderer main thread (the page's). */
export function summarise(events: TraceEvent[]): MainThreadTasks {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !TASKS.has(e.name) || !mains.has(thread)) continue;
    byThread.set(thread, [...(byThread.get(thread) ?? []), e]);
  }
  const tasks = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  tasks.sort((a, b) => a.ts - b.ts);
  let end = -1;
  const top = tasks.filter((t) => {
    if (t.ts < end) return false; // nested in the task before
    end = t.ts + (t.dur ?? 0);
    return true;
  });
  const cpuMs = top.map((t) => (t.tdur ?? t.dur ?? 0) / 1000);
  return {
    tasks: top.length,
    longByWall: top.filter((t) => (t.dur ?? 0) / 1000 > 50).length,
    longByCpu: cpuMs.filter((ms) => ms > 50).length,
    longestCpuMs: cpuMs.reduce((m, ms) => Math.max(m, ms), 0),
  };
}

/** Starts tracing the page's top-level tasks; `stop` ends it and counts them. */
export async function traceTasks(page: Page): Promise<{ stop: () => Promise<MainThreadTasks> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    // The protocol types trace events as string maps; they carry numbers too.
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', '__metadata'], excludedCategories: ['*'] },
  });
  return {
    stop: async () => {
      const done = new Promise<void>((resolve) => {
        cdp.once('Tracing.tracingComplete', () => {
          resolve();
        });
      });
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      return summarise(events);
    },
  };
}

/** The renderer main thread's cumulative task time (s), for a busy share over a span. */
export async function mainThreadSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}
