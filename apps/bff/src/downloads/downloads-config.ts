/**
 * The download settings of the BFF's environment (read by config.ts, the only reader of
 * process.env): the key that signs download links and how long links live, the bundle caps and
 * how many DIDs a selection's script may name.
 */
import { LINK_HOURS_CEILING, SCRIPT_SELECTION_MAX_DIDS } from '@bdms/contract';
import { z } from 'zod';

/** Committed, so development works out of the box; refused when deployed (see downloadsProblems). */
export const DEV_LINK_SIGNING_KEY = 'dev-only-download-link-signing-key-change-me';

const hours = z.coerce.number().int().min(1).max(LINK_HOURS_CEILING);

export const downloadsEnvShape = {
  /** HS256 key of signed download links: at least 32 characters, your own when deployed. */
  LINK_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  LINK_DEFAULT_HOURS: hours.default(24),
  LINK_MAX_HOURS: hours.default(24 * 7),
  /** The biggest ZIP bundle, in bytes (50 GiB), and the most files in one. */
  BUNDLE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(50 * 1024 ** 3),
  BUNDLE_MAX_FILES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** The most DIDs one selection's script may name (the contract's ceiling, or fewer). */
  SCRIPT_MAX_DIDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(SCRIPT_SELECTION_MAX_DIDS)
    .default(SCRIPT_SELECTION_MAX_DIDS),
};

type DownloadsEnv = z.infer<z.ZodObject<typeof downloadsEnvShape>>;

export interface DownloadsConfig {
  links: { signingKey: string; defaultHours: number; maxHours: number };
  bundle: { maxBytes: number; maxFiles: number };
  scripts: { maxDids: number };
}

export function downloadsProblems(e: DownloadsEnv, deployed: boolean, why: string): string[] {
  const problems: string[] = [];
  if (deployed && (!e.LINK_SIGNING_KEY || e.LINK_SIGNING_KEY === DEV_LINK_SIGNING_KEY))
    problems.push(`LINK_SIGNING_KEY: a key of your own is required when ${why}`);
  if (e.LINK_DEFAULT_HOURS > e.LINK_MAX_HOURS)
    problems.push(
      `LINK_DEFAULT_HOURS (${String(e.LINK_DEFAULT_HOURS)}) must not exceed LINK_MAX_HOURS (${String(e.LINK_MAX_HOURS)})`,
    );
  return problems;
}

export const downloadsConfig = (e: DownloadsEnv): DownloadsConfig => ({
  links: {
    signingKey: e.LINK_SIGNING_KEY ?? DEV_LINK_SIGNING_KEY,
    defaultHours: e.LINK_DEFAULT_HOURS,
    maxHours: e.LINK_MAX_HOURS,
  },
  bundle: { maxBytes: e.BUNDLE_MAX_BYTES, maxFiles: e.BUNDLE_MAX_FILES },
  scripts: { maxDids: e.SCRIPT_MAX_DIDS },
});
