/**
 * The load figure: many signed-in sessions hammering one read through the BFF, against the same
 * read straight from Rucio with a token of the same user, measured with autocannon in the same
 * run, interleaved (B D B D …) after a warm-up.
 */
import autocannon from 'autocannon';
import type { Logger } from '../lib/logger.ts';
import { portalSession } from './sessions.ts';
import { summarize, type Figure } from './stats.ts';

export interface LoadRun {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface LoadTarget {
  url: string;
  /** Headers for the n-th request (e.g. the sessions taken in turn). */
  headersFor: (request: number) => Record<string, string>;
}

export interface LoadOptions {
  connections: number;
  durationSec: number;
}

/**
 * One autocannon run. autocannon resets a connection's context after every request, so requests
 * take the sessions in turn instead: with as many sessions as connections, the 200 requests in
 * flight at any moment belong to 200 different sessions.
 */
export async function loadRun(target: LoadTarget, o: LoadOptions): Promise<LoadRun> {
  let next = 0;
  const result = await autocannon({
    url: target.url,
    connections: o.connections,
    duration: o.durationSec,
    // A request still unanswered after 10 s counts as a timeout (autocannon's default).
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, ...target.headersFor(next++) },
        }),
      },
    ],
  });
  return {
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** `n` portal sessions of the demo astronomer, a few logins at a time. */
export async function portalSessions(portalUrl: string, n: number): Promise<string[]> {
  const cookies: string[] = [];
  const parallel = 8;
  while (cookies.length < n) {
    const batch = Math.min(parallel, n - cookies.length);
    cookies.push(
      ...(await Promise.all(Array.from({ length: batch }, () => portalSession(portalUrl)))),
    );
  }
  return cookies;
}

export interface LoadCase {
  label: string;
  viaBff: LoadTarget;
  direct: LoadTarget;
}

const range = (xs: number[], digits = 0) => {
  const s = summarize(xs);
  return `min ${s.min.toFixed(digits)}, max ${s.max.toFixed(digits)}, n ${s.n}`;
};

/** Figures for one case: throughput and p99 each way, their ratios, and errors through the BFF. */
export function loadFigures(label: string, viaBff: LoadRun[], direct: LoadRun[]): Figure[] {
  const med = (runs: LoadRun[], pick: (r: LoadRun) => number) => summarize(runs.map(pick)).median;
  const rps = (r: LoadRun) => r.requestsPerSec;
  const p99 = (r: LoadRun) => r.p99Ms;
  const failures = (r: LoadRun) => r.errors + r.timeouts + r.non2xx;
  const sum = (runs: LoadRun[], pick: (r: LoadRun) => number) =>
    runs.reduce((a, r) => a + pick(r), 0);
  return [
    {
      name: `${label} via BFF`,
      value: med(viaBff, rps),
      unit: 'req/s',
      detail: `p50 ${med(viaBff, (r) => r.p50Ms)} ms; ${range(viaBff.map(rps))}`,
    },
    {
      name: `${label} direct`,
      value: med(direct, rps),
      unit: 'req/s',
      detail: `p50 ${med(direct, (r) => r.p50Ms)} ms; ${range(direct.map(rps))}`,
    },
    {
      name: `${label} throughput BFF/direct`,
      value: med(viaBff, rps) / med(direct, rps),
      unit: 'x',
      target: { op: '>=', limit: 2 },
    },
    {
      name: `${label} p99 via BFF`,
      value: med(viaBff, p99),
      unit: 'ms',
      detail: range(viaBff.map(p99)),
    },
    {
      name: `${label} p99 direct`,
      value: med(direct, p99),
      unit: 'ms',
      detail: range(direct.map(p99)),
    },
    {
      name: `${label} p99 BFF/direct`,
      value: med(viaBff, p99) / med(direct, p99),
      unit: 'x',
      target: { op: '<=', limit: 0.5 },
    },
    {
      name: `${label} BFF errors+timeouts+non-2xx`,
      value: sum(viaBff, failures),
      unit: 'n',
      target: { op: '<=', limit: 0 },
      detail: `of ${sum(viaBff, (r) => r.requests)} requests`,
    },
  ];
}

/**
 * Warm-up (which also makes Rucio store the direct token: concurrent first uses of a new JWT get
 * 401s from Rucio 41), then `rounds` interleaved runs of each case (B D B D …).
 */
export async function runLoad(
  cases: LoadCase[],
  o: LoadOptions & { rounds: number },
  log: Logger,
): Promise<Figure[]> {
  const warm = { connections: o.connections, durationSec: 3 };
  for (const c of cases) {
    await loadRun(c.viaBff, warm);
    await loadRun(c.direct, warm);
  }
  const figures: Figure[] = [];
  for (const c of cases) {
    const viaBff: LoadRun[] = [];
    const direct: LoadRun[] = [];
    for (let i = 0; i < o.rounds; i++) {
      viaBff.push(await loadRun(c.viaBff, o));
      direct.push(await loadRun(c.direct, o));
      log.info(
        `bench: ${c.label} round ${i + 1}: BFF ${viaBff.at(-1)?.requestsPerSec} req/s p99 ${viaBff.at(-1)?.p99Ms} ms; direct ${direct.at(-1)?.requestsPerSec} req/s p99 ${direct.at(-1)?.p99Ms} ms`,
      );
    }
    figures.push(...loadFigures(c.label, viaBff, direct));
  }
  return figures;
}
