/**
 * What the browser bench runs inside the page, as source text for page.evaluate: tsx compiles
 * functions with esbuild helpers (`__name`) the page does not have, and the devstack's tsconfig
 * has no DOM types. The mark names are the SPA's (apps/web/src/features/search/utils/
 * search-marks.ts); the selectors are the results grid's ARIA roles (results-table.tsx).
 */

export interface SearchMarks {
  start: number | null;
  firstByte: number | null;
  firstRowsPainted: number | null;
  end: number | null;
}

export interface SearchState {
  marks: SearchMarks;
  /** Rows the results grid holds (aria-rowcount less the header row); null before it exists. */
  rowCount: number | null;
  /** The live count line, e.g. "100,000 results — complete". */
  status: string | null;
  /** The text of an error notice on the page (a failed or incomplete search). */
  problem: string | null;
}

export interface ScrollResult {
  ms: number;
  /** Scroll steps of one grid viewport, one per animation frame. */
  frames: number;
  stepPx: number;
  /** Frames whose rAF delta exceeded 50 ms, and the longest delta. */
  slowFrames: number;
  longestFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** Frames whose rows in view were not (yet) in the page at the frame's rAF. */
  blankFrames: number;
  /** Frames after the last scroll step until the last row was in the page. */
  settleFrames: number;
  lastRowRendered: boolean;
  lastRenderedIndex: number;
  scrollTop: number;
  scrollHeight: number;
}

const GRID = `document.querySelector('[role="grid"][aria-label="Search results"]')`;

export const READ_SEARCH_STATE = `(() => {
  const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
  const rows = ${GRID}?.getAttribute('aria-rowcount');
  return {
    marks: {
      start: at('bdms:search:start'),
      firstByte: at('bdms:search:first-byte'),
      firstRowsPainted: at('bdms:search:first-rows-painted'),
      end: at('bdms:search:end'),
    },
    rowCount: rows == null ? null : Number(rows) - 1,
    status: document.querySelector('[data-testid="search-count"]')?.textContent ?? null,
    problem: document.querySelector('[role="alert"]')?.textContent ?? null,
  };
})()`;

/** Whether this Chromium reports a 120 ms task as a long task (else a 0 would mean nothing). */
export const LONG_TASKS_SEEN = `new Promise((resolve) => {
  if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return resolve(false);
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.duration >= 100)) { observer.disconnect(); resolve(true); }
  });
  observer.observe({ type: 'longtask' });
  setTimeout(() => { const end = performance.now() + 120; while (performance.now() < end); }, 0);
  setTimeout(() => { observer.disconnect(); resolve(false); }, 3000);
})`;

/**
 * Scrolls the results grid from top to bottom, one viewport of rows per animation frame, with a
 * long-task observer (buffered, entries filtered to the scroll's time span) and rAF deltas.
 */
export const scrollGrid = (expectRows: number, maxMs: number): string => `(async () => {
  const grid = ${GRID};
  if (!grid) throw new Error('no results grid on the page');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const tasks = [];
  const observer = new PerformanceObserver((list) => { tasks.push(...list.getEntries()); });
  observer.observe({ type: 'longtask', buffered: true });
  const [head, body] = grid.querySelectorAll('[role="rowgroup"]');
  const header = head?.getBoundingClientRect().height ?? 0;
  const rowPx = (body?.getBoundingClientRect().height ?? 0) / ${expectRows};
  const stepPx = Math.max(1, Math.floor(grid.clientHeight - header));
  const shown = (index) => grid.querySelector('[role="row"][aria-rowindex="' + (index + 2) + '"]') !== null;
  // Rows in view at this frame's rAF (after the scroll event's render) that are not in the page.
  const blank = () => {
    const top = Math.floor(grid.scrollTop / rowPx);
    const bottom = Math.min(${expectRows - 1}, Math.floor((grid.scrollTop + grid.clientHeight - header) / rowPx));
    return !shown(top) || !shown(bottom);
  };
  grid.scrollTop = 0;
  await frame();
  const t0 = performance.now();
  let last = await frame();
  const deltas = [];
  let blankFrames = 0;
  for (;;) {
    const bottom = grid.scrollHeight - grid.clientHeight;
    if (grid.scrollTop >= bottom - 1) break;
    if (performance.now() - t0 > ${maxMs}) throw new Error('the scroll did not reach the end in ${maxMs} ms');
    grid.scrollTop = Math.min(bottom, grid.scrollTop + stepPx);
    const now = await frame();
    deltas.push(now - last);
    last = now;
    if (blank()) blankFrames++;
  }
  let settleFrames = 0;
  while (!shown(${expectRows - 1}) && settleFrames < 120) {
    await frame();
    settleFrames++;
  }
  const t1 = performance.now();
  const lastRow = grid.querySelector('[role="row"][aria-rowindex="${expectRows + 1}"]');
  const rendered = [...grid.querySelectorAll('[role="row"][aria-rowindex]')].map((r) => Number(r.getAttribute('aria-rowindex')) - 2);
  // A long task's entry is queued after the task ends: give the last ones time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 500));
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  const during = tasks.filter((t) => t.startTime + t.duration >= t0 && t.startTime <= t1);
  return {
    ms: t1 - t0,
    frames: deltas.length,
    stepPx,
    slowFrames: deltas.filter((d) => d > 50).length,
    longestFrameMs: deltas.reduce((m, d) => Math.max(m, d), 0),
    blankFrames,
    settleFrames,
    longTasks: during.length,
    longestTaskMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
    lastRowRendered: lastRow !== null && lastRow.getBoundingClientRect().bottom <= grid.getBoundingClientRect().bottom + 1,
    lastRenderedIndex: rendered.reduce((m, i) => Math.max(m, i), -1),
    scrollTop: grid.scrollTop,
    scrollHeight: grid.scrollHeight,
  };
})()`;
