/**
 * The search's browser figures (issue 6), in Debian's Chromium through playwright-core, read from
 * the SPA's User Timing marks and the Long Tasks API (../shared/BENCH.md): how long after the
 * BFF's first byte the first result rows are painted, and whether scrolling the whole virtualised
 * result from top to bottom stays free of long tasks. Each run is a fresh page load of the
 * search's permalink in the same signed-in browser context.
 */
import { loadavg } from 'node:os';
import { demoUser } from '@bdms/dev-fixtures';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Logger } from '../lib/logger.ts';
import {
  LONG_TASKS_SEEN,
  READ_SEARCH_STATE,
  scrollGrid,
  type ScrollResult,
  type SearchMarks,
  type SearchState,
} from './browser-page.ts';
import { figuresOf, type RunSample } from './browser-figures.ts';
import { searchPermalink } from './browser-permalink.ts';
import { mainThreadSeconds, traceTasks } from './browser-trace.ts';
import type { Figure } from './stats.ts';

export interface BrowserBenchInput {
  portalUrl: string;
  /** A SearchQuery JSON object (packages/contract/src/search/query-schema.ts). */
  query: unknown;
  /** Rows the complete result must have; the scroll checks that the last one is rendered. */
  expectRows: number;
  runs: number;
  /** Defaults to Debian's /usr/bin/chromium (never a browser Playwright downloads). */
  chromiumPath?: string;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Enriched 100 000 rows stream in 1–5 minutes on a 2-core machine (289 s measured while other
// suites ran); scrolling them one viewport per frame takes about 6 000 frames (~100–130 s).
const STREAM_TIMEOUT_MS = 600_000;
const SCROLL_TIMEOUT_MS = 600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The demo astronomer signs in through the portal's button and the dev IdP's login page. */
async function signIn(context: BrowserContext): Promise<void> {
  const user = demoUser('astronomer');
  const page = await context.newPage();
  try {
    await page.goto('/');
    await page
      .getByRole('link', { name: 'Sign in' })
      .or(page.getByRole('button', { name: 'Sign in' }))
      .first()
      .click();
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(user.rucioAccount).first().waitFor({ timeout: 30_000 });
    // Warms the browser's cache of the app's assets, as a returning user has it.
    await page.goto('/search');
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor({ timeout: 30_000 });
  } finally {
    await page.close();
  }
}

/** Polls (1 s) until the trailer arrived and the grid holds `expectRows` rows. */
async function waitForResult(page: Page, expectRows: number): Promise<SearchMarks> {
  const started = Date.now();
  for (;;) {
    const state = await page.evaluate<SearchState>(READ_SEARCH_STATE);
    if (state.marks.end !== null && state.rowCount === expectRows) return state.marks;
    if (state.marks.start === null && Date.now() - started > 60_000)
      throw new Error(`the page did not start the search within 60 s (${page.url()})`);
    const complete = /([\d,]+) results? — complete/.exec(state.status ?? '');
    const count = Number(complete?.[1]?.replace(/,/g, '') ?? expectRows);
    if (count !== expectRows)
      throw new Error(`the search found ${count} rows, not ${expectRows}: "${state.status}"`);
    if (state.status !== null && !complete && !state.status.includes('so far'))
      throw new Error(
        `the search stopped before its trailer: "${state.status}": ${state.problem ?? 'no notice'}`,
      );
    if (Date.now() - started > STREAM_TIMEOUT_MS)
      throw new Error(`no complete result after ${STREAM_TIMEOUT_MS / 1000} s: "${state.status}"`);
    await sleep(1000);
  }
}

async function measureRun(context: BrowserContext, path: string, rows: number): Promise<RunSample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy0 = { at: performance.now(), task: await mainThreadSeconds(cdp) };
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    const { start, firstByte, firstRowsPainted, end } = await waitForResult(page, rows);
    if (start === null || firstByte === null || firstRowsPainted === null || end === null)
      throw new Error('the page set no search marks (an SPA without them?)');
    const streamBusy =
      ((await mainThreadSeconds(cdp)) - busy0.task) / ((performance.now() - busy0.at) / 1000);
    // Lets the last batch's work (facets, the deferred render) finish before the scroll.
    await sleep(2000);
    const trace = await traceTasks(page);
    const scroll = await page.evaluate<ScrollResult>(scrollGrid(rows, SCROLL_TIMEOUT_MS));
    const tasks = await trace.stop();
    const load = loadavg()[0] ?? 0;
    if (!scroll.lastRowRendered)
      throw new Error(
        `the scroll did not show row ${rows}: last row in the page ${scroll.lastRenderedIndex + 1}, ` +
          `scrollTop ${scroll.scrollTop} of ${scroll.scrollHeight} px`,
      );
    const marks = { start, firstByte, firstRowsPainted, end };
    return { marks, scroll, trace: tasks, streamBusy, load };
  } finally {
    await page.close();
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** The browser figures: several fresh page loads of the search, medians of the runs. */
export async function browserFigures(input: BrowserBenchInput, log: Logger): Promise<Figure[]> {
  const path = searchPermalink(input.query);
  const browser = await chromium.launch({
    executablePath: input.chromiumPath ?? '/usr/bin/chromium',
    args: ARGS,
  });
  try {
    const context = await browser.newContext({
      baseURL: input.portalUrl,
      viewport: { width: 1440, height: 900 },
    });
    await signIn(context);
    const probe = await context.newPage();
    await probe.goto('/search');
    const seen = await probe.evaluate<boolean>(LONG_TASKS_SEEN);
    await probe.close();
    if (!seen)
      throw new Error(
        'this Chromium does not report long tasks; the scroll figure would mean nothing',
      );
    const samples: RunSample[] = [];
    for (let run = 1; run <= input.runs; run++) {
      log.info(`browser run ${run}/${input.runs}: ${path}`);
      const sample = await measureRun(context, path, input.expectRows);
      const { marks: m, scroll: s } = sample;
      log.info(
        `browser run ${run}: first rows ${ms(m.firstRowsPainted - m.firstByte)} after the first byte; ` +
          `stream ${ms(m.end - m.firstByte)}; scroll ${ms(s.ms)} (${s.frames} frames), ` +
          `${s.longTasks} long tasks (longest ${ms(s.longestTaskMs)}), ${s.slowFrames} frames > 50 ms; ` +
          `trace: ${sample.trace.longByWall} tasks > 50 ms wall, ${sample.trace.longByCpu} > 50 ms CPU ` +
          `(longest ${ms(sample.trace.longestCpuMs)} CPU) of ${sample.trace.tasks}`,
      );
      samples.push(sample);
    }
    return figuresOf(samples, input.expectRows);
  } finally {
    await browser.close();
  }
}
