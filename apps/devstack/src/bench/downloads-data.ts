/**
 * The downloads bench's own data, made on first use so that any stack (small or bench seed) can
 * run it: datasets of the `bench` scope on one disk RSE, their files registered in Rucio as root
 * with their true size and adler32 (POST /replicas, then attached), and their bytes written to
 * the dev storage's folder at the path of the PFN Rucio lists (as the seed writes its files).
 * Idempotent: a dataset stamped in the storage folder and known to Rucio is left alone; otherwise
 * what is missing is registered and every file whose size on disk is not Rucio's is rewritten.
 */
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../lib/logger.ts';
import { rucioCall } from '../core/rucio-smoke.ts';
import type { RucioAt } from '../core/rucio-files.ts';
import { benchAdler32, benchBytes } from './bench-bytes.ts';

export const BENCH_SCOPE = 'bench';
/** A disk RSE served by the dev storage (token-protected reads). */
export const BENCH_RSE = 'CTAO-N-ONSITE';
const GiB = 1024 ** 3;

export interface BenchDatasetSpec {
  /** Below /ctao/bench/downloads/. */
  label: string;
  files: number;
  /** Bytes of file i. */
  sizeOf: (i: number) => number;
}

export interface BenchDataset {
  scope: string;
  name: string;
  files: { scope: string; name: string; bytes: number }[];
  bytes: number;
}

/** 1 GiB split in `n` files (the last takes the remainder). */
export const gibIn = (n: number) => (i: number) =>
  i < n - 1 ? Math.floor(GiB / n) : GiB - Math.floor(GiB / n) * (n - 1);

export const DOWNLOAD_DATA = {
  oneFile: { label: 'one-gib', files: 1, sizeOf: gibIn(1) },
  bundle: { label: 'bundle-100', files: 100, sizeOf: gibIn(100) },
  script1k: { label: 'script-1000', files: 1_000, sizeOf: (i: number) => 200 + (i % 57) },
  script100k: { label: 'script-100000', files: 100_000, sizeOf: (i: number) => 200 + (i % 57) },
} satisfies Record<string, BenchDatasetSpec>;

const datasetName = (label: string) => `/ctao/${BENCH_SCOPE}/downloads/${label}`;
const fileName = (label: string, i: number, files: number) =>
  `${datasetName(label)}/bench-${label}-${String(i).padStart(String(files - 1).length, '0')}.bin`;

const Listed = z.object({
  name: z.string(),
  pfns: z.record(z.string(), z.object({ rse: z.string() }).loose()).default({}),
});

async function call(at: RucioAt, path: string, method = 'GET', body?: unknown): Promise<string> {
  const res = await rucioCall(at.url, at.token, path, { method, body });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.text;
}

const lines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);

/** A BFF route of a DID: `<portal>/api/dids/<scope>/<name>/<tail>`. */
export const didUrl = (portalUrl: string, d: { scope: string; name: string }, tail: string) =>
  `${portalUrl}/api/dids/${encodeURIComponent(d.scope)}/${encodeURIComponent(d.name)}/${tail}`;

/** Where the storage server keeps a PFN's bytes: <root>/<RSE>/<path>, `//` collapsed. */
export const localPath = (storageRoot: string, pfn: string): string =>
  join(storageRoot, decodeURIComponent(new URL(pfn).pathname));

async function writeFile(path: string, name: string, size: number): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  for (const chunk of benchBytes(name, size)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Registers what Rucio lacks of the dataset, in bulks of 1 000 files. */
async function register(at: RucioAt, ds: BenchDataset, log: Logger): Promise<void> {
  const scopes = await rucioCall(at.url, at.token, `/scopes/root/${BENCH_SCOPE}`, {
    method: 'POST',
  });
  if (scopes.status !== 201 && scopes.status !== 409) throw new Error(`scope: ${scopes.text}`);
  const didPath = `/dids/${BENCH_SCOPE}/${encodeURIComponent(ds.name)}`;
  const known = await rucioCall(at.url, at.token, didPath);
  if (known.status === 404) await call(at, didPath, 'POST', { type: 'DATASET' });
  const attached = new Set(
    known.status === 404
      ? []
      : lines(await call(at, `${didPath}/dids`)).map((d) => (d as { name: string }).name),
  );
  const missing = ds.files.filter((f) => !attached.has(f.name));
  if (missing.length) log.info(`bench: registering ${missing.length} files of ${ds.name}`);
  for (let i = 0; i < missing.length; i += 1_000) {
    const files = missing.slice(i, i + 1_000).map((f) => ({
      ...f,
      adler32: benchAdler32(f.name, f.bytes),
    }));
    await call(at, '/replicas', 'POST', { rse: BENCH_RSE, files });
    const dids = files.map(({ scope, name }) => ({ scope, name }));
    await call(at, `${didPath}/dids`, 'POST', { dids });
  }
}

/** File name → its PFN on BENCH_RSE, as Rucio lists the dataset's replicas. */
export async function benchPfns(
  at: RucioAt,
  ds: { scope: string; name: string },
): Promise<Map<string, string>> {
  const text = await call(at, '/replicas/list', 'POST', {
    dids: [{ scope: ds.scope, name: ds.name }],
    rse_expression: BENCH_RSE,
    all_states: true,
  });
  const out = new Map<string, string>();
  for (const r of lines(text).map((l) => Listed.parse(l))) {
    const pfn = Object.entries(r.pfns).find(([, p]) => p.rse === BENCH_RSE)?.[0];
    if (pfn) out.set(r.name, pfn);
  }
  return out;
}

/** The dataset, registered and on disk; made or completed on first use. */
export async function ensureBenchDataset(
  at: RucioAt,
  storageRoot: string,
  spec: BenchDatasetSpec,
  log: Logger,
): Promise<BenchDataset> {
  const name = datasetName(spec.label);
  const files = Array.from({ length: spec.files }, (_, i) => ({
    scope: BENCH_SCOPE,
    name: fileName(spec.label, i, spec.files),
    bytes: spec.sizeOf(i),
  }));
  const ds = { scope: BENCH_SCOPE, name, files, bytes: files.reduce((s, f) => s + f.bytes, 0) };
  const stamp = join(storageRoot, `.bench-${spec.label}`);
  const inRucio = await rucioCall(
    at.url,
    at.token,
    `/dids/${BENCH_SCOPE}/${encodeURIComponent(name)}`,
  );
  if (existsSync(stamp) && inRucio.status === 200) return ds;
  const t0 = Date.now();
  await register(at, ds, log);
  const sizes = new Map(files.map((f) => [f.name, f.bytes]));
  const pfns = await benchPfns(at, ds);
  let written = 0;
  for (const [file, pfn] of pfns) {
    const size = sizes.get(file);
    if (size === undefined) continue;
    const path = localPath(storageRoot, pfn);
    if (existsSync(path) && statSync(path).size === size) continue;
    await writeFile(path, file, size);
    written += 1;
  }
  if (pfns.size !== files.length)
    throw new Error(`Rucio lists ${pfns.size} of the ${files.length} files of ${name}`);
  writeFileSync(stamp, `${String(files.length)}\n`);
  log.info(
    `bench: ${BENCH_SCOPE}:${name} ready (${files.length} files, ${written} written, ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return ds;
}
