/**
 * The quota figures of issue 9: the admin overview of every account × every RSE through the BFF
 * (GET /api/quotas/usage) against the same Rucio calls made straight with a token of the same
 * admin (one GET /rses/<rse>/accounts/usage per RSE, 8 at a time as the BFF does; the RSE list
 * is not asked again, as the BFF keeps it in its reference cache), interleaved after a warm-up;
 * and how many requests the BFF sent Rucio for one overview, from its own metrics (one per RSE
 * plus a constant, never one per account × RSE).
 *
 * Bench-only data, made idempotently before measuring: RSEs QBENCH-01… up to 12 RSEs in all, 200
 * accounts qbench-000…199, and a local limit for each of them on each RSE.
 */
import { RUCIO_ROOT, cliToken, demoUser, headlessLogin } from '@bdms/dev-fixtures';
import type { Logger } from '../lib/logger.ts';
import { interleaved } from './interleave.ts';
import { lines } from './replica-map-bench.ts';
import { range, summarize, type Figure } from './stats.ts';

/**
 * One overview is ~0.2 s either way, and Rucio's own time for it moves by ±30 % from call to call
 * (its daemons share the machine): at least 31 interleaved pairs keep the medians' ratio steady.
 */
export const QUOTA_BENCH = { accounts: 200, rses: 12, inFlight: 8, minRuns: 31 } as const;

export interface QuotaBenchInput {
  portalUrl: string;
  rucioUrl: string;
  issuer: string;
  runs: number;
}

const enc = encodeURIComponent;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `fn` over `items`, `limit` at a time. */
async function each<T>(items: readonly T[], limit: number, fn: (t: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function rootCall(rucioUrl: string, token: string, path: string, body: unknown) {
  const res = await fetch(`${rucioUrl}${path}`, {
    method: 'POST',
    headers: { 'X-Rucio-Auth-Token': token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  // 409: already there (a rerun), which is what idempotent means here.
  if (!res.ok && res.status !== 409)
    throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
}

async function rootToken(rucioUrl: string): Promise<string> {
  const res = await fetch(`${rucioUrl}/auth/userpass`, {
    headers: {
      'X-Rucio-Account': RUCIO_ROOT.account,
      'X-Rucio-Username': RUCIO_ROOT.username,
      'X-Rucio-Password': RUCIO_ROOT.password,
    },
  });
  const token = res.headers.get('x-rucio-auth-token');
  if (!token) throw new Error(`Rucio root login: HTTP ${res.status}`);
  return token;
}

/** 12 RSEs, 200 accounts, a local limit each everywhere; only what is missing is made. */
export async function seedQuotaBench(rucioUrl: string, log: Logger): Promise<string[]> {
  const token = await rootToken(rucioUrl);
  const auth = { 'X-Rucio-Auth-Token': token };
  const rses = (await lines(`${rucioUrl}/rses/`, auth)).map((r) => String(r.rse));
  for (let i = 1; rses.length < QUOTA_BENCH.rses; i++) {
    const rse = `QBENCH-${pad(i, 2)}`;
    if (rses.includes(rse)) continue;
    await rootCall(rucioUrl, token, `/rses/${rse}`, {});
    rses.push(rse);
  }
  const known = new Set((await lines(`${rucioUrl}/accounts/`, auth)).map((a) => String(a.account)));
  const accounts = Array.from({ length: QUOTA_BENCH.accounts }, (_, i) => `qbench-${pad(i, 3)}`);
  const missing = accounts.filter((a) => !known.has(a));
  await each(missing, QUOTA_BENCH.inFlight, (a) =>
    rootCall(rucioUrl, token, `/accounts/${a}`, { type: 'USER', email: `${a}@bench.invalid` }),
  );
  const limits: [string, string, number][] = [];
  for (const rse of rses) {
    const usage = await lines(`${rucioUrl}/rses/${enc(rse)}/accounts/usage`, auth);
    const limited = new Set(
      usage.filter((u) => u.quota_bytes != null).map((u) => String(u.account)),
    );
    accounts.forEach((a, i) => {
      if (!limited.has(a)) limits.push([a, rse, (i + 1) * 1_000_000_000]);
    });
  }
  await each(limits, QUOTA_BENCH.inFlight, ([a, rse, bytes]) =>
    rootCall(rucioUrl, token, `/accounts/${a}/limits/local/${enc(rse)}`, { bytes }),
  );
  log.info(
    `bench: quotas: ${rses.length} RSEs, ${accounts.length} bench accounts (${missing.length} new), ${limits.length} limits set now`,
  );
  return rses;
}

async function adminSession(portalUrl: string): Promise<string> {
  const admin = demoUser('admin');
  const res = await headlessLogin({
    startUrl: `${portalUrl}/auth/login?returnTo=/`,
    username: admin.username,
    password: admin.password,
    stopAt: `${portalUrl}/auth/callback`,
    followToEnd: true,
  });
  return res.jar.header(portalUrl);
}

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

async function upstreamRequests(portalUrl: string): Promise<number> {
  const res = await fetch(`${portalUrl}/debug/metrics`);
  return ((await res.json()) as { rucio: { requests: number } }).rucio.requests;
}

export async function quotaFigures(input: QuotaBenchInput, log: Logger): Promise<Figure[]> {
  const rses = await seedQuotaBench(input.rucioUrl, log);
  const cookie = await adminSession(input.portalUrl);
  const admin = demoUser('admin');
  const { accessToken: token } = await cliToken({
    issuer: input.issuer,
    user: admin,
    audience: 'rucio',
    scope: 'openid profile',
  });
  const auth = { 'X-Rucio-Auth-Token': token, accept: 'application/json' };
  // A token's first use must come alone: Rucio 41 races storing a JWT it has not seen (401).
  await lines(`${input.rucioUrl}/accounts/whoami`, auth);
  let rows = 0;
  const direct = async () => {
    rows = 0;
    await each(rses, QUOTA_BENCH.inFlight, async (rse) => {
      const found = await lines(`${input.rucioUrl}/rses/${enc(rse)}/accounts/usage`, auth);
      rows += found.length;
    });
  };
  const viaBff = async () => {
    const res = await fetch(`${input.portalUrl}/api/quotas/usage`, {
      headers: { cookie, accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`/api/quotas/usage: HTTP ${res.status}`);
    return (await res.json()) as { rses: string[]; accounts: string[] };
  };
  const runs = Math.max(input.runs, QUOTA_BENCH.minRuns);
  log.info(`bench: quota overview via the BFF vs straight; ${runs} interleaved runs`);
  await direct();
  const overview = await viaBff();
  const { a: bff, b: straight } = await interleaved(
    runs,
    () => timed(viaBff),
    () => timed(direct),
  );
  const before = await upstreamRequests(input.portalUrl);
  await viaBff();
  const requests = (await upstreamRequests(input.portalUrl)) - before;
  const b = summarize(bff);
  const d = summarize(straight);
  const pairs = `${overview.accounts.length} accounts × ${overview.rses.length} RSEs (${rows} Rucio rows)`;
  return [
    { name: 'quota overview via BFF (median)', value: b.median, unit: 'ms', detail: range(b) },
    { name: 'quota overview direct (median)', value: d.median, unit: 'ms', detail: range(d) },
    {
      name: 'quota overview ratio BFF/direct',
      value: b.median / d.median,
      unit: 'x',
      detail: pairs,
      target: { op: '<=', limit: 1.1 },
    },
    {
      // One per RSE, plus the RSE list when the BFF's reference cache has expired.
      name: 'quota overview Rucio requests',
      value: requests,
      unit: 'req',
      detail: `${overview.rses.length} RSEs; never one per account × RSE (${pairs})`,
      target: { op: '<=', limit: overview.rses.length + 2 },
    },
  ];
}
