/** The summary JSON `python -m seed --summary <file>` writes (apps/devstack/python/seed/run.py). */
import { z } from 'zod';

const CountsSchema = z.object({
  containers: z.number().int(),
  datasets: z.number().int(),
  files: z.number().int(),
  dids: z.number().int(),
  replicas: z.number().int(),
  rules: z.number().int(),
  invalidDl0Skipped: z.number().int(),
});

const DatasetRef = z.object({ scope: z.string(), name: z.string(), files: z.number().int() });

export const SeedSummarySchema = z.object({
  seedVersion: z.string(),
  profile: z.string(),
  seed: z.number().int(),
  /** True when the server was already stamped with this version and profile: nothing was done. */
  skipped: z.boolean(),
  rucioUrl: z.string(),
  storageRoot: z.string(),
  scopes: z.array(z.string()),
  rses: z.array(z.string()),
  /** The one big dataset the benchmark lists (bench size or --files only). */
  bigDataset: DatasetRef.nullable(),
  /** A 10x smaller listing of the same kind (bench size), to show memory does not grow with size. */
  mediumDataset: DatasetRef.nullable().default(null),
  counts: CountsSchema,
  steps: z.record(z.string(), z.number()),
  durationSeconds: z.number(),
  verify: z
    .object({ files: z.number().int(), pfns: z.number().int(), failures: z.array(z.string()) })
    .optional(),
});

export type SeedSummary = z.infer<typeof SeedSummarySchema>;

export function parseSeedSummary(json: string): SeedSummary {
  return SeedSummarySchema.parse(JSON.parse(json));
}

/** One line for the stack's output. */
export function describeSeed(s: SeedSummary): string {
  const c = s.counts;
  const state = s.skipped ? 'already seeded' : `seeded in ${s.durationSeconds.toFixed(1)} s`;
  const big = s.bigDataset
    ? `; big dataset ${s.bigDataset.scope}:${s.bigDataset.name} (${s.bigDataset.files} files)`
    : '';
  return `Demo archive (${s.profile}) ${state}: ${c.containers} containers, ${c.datasets} datasets, ${c.files} files, ${c.rules} rules on ${s.rses.length} RSEs${big}`;
}
