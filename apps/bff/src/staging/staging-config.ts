/**
 * The staging settings of the BFF's environment (read by config.ts, the only reader of
 * process.env): the disk RSE tape-only data is staged to, the activity the rules carry, and how
 * long a staged copy is kept by default and at most.
 */
import { STAGING_MAX_SECONDS_CEILING } from '@bdms/contract';
import { z } from 'zod';

const hours = z.coerce
  .number()
  .int()
  .min(1)
  .max(STAGING_MAX_SECONDS_CEILING / 3600);

export const stagingEnvShape = {
  /**
   * The disk RSE staging rules copy to: one near the tape. The devstack's default is CSCS-DISK
   * (Lugano, the disk nearest PIC-TAPE in Barcelona).
   */
  STAGING_RSE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an RSE name')
    .default('CSCS-DISK'),
  /** The rules' activity (one of Rucio's schema; empty: Rucio's default). */
  STAGING_ACTIVITY: z.string().trim().max(100).default('Staging'),
  STAGING_LIFETIME_DEFAULT_HOURS: hours.default(72),
  STAGING_LIFETIME_MAX_HOURS: hours.default(14 * 24),
};

type StagingEnv = z.infer<z.ZodObject<typeof stagingEnvShape>>;

export interface StagingConfig {
  rse: string;
  activity: string | undefined;
  lifetime: { defaultSeconds: number; maxSeconds: number };
}

export function stagingProblems(e: StagingEnv): string[] {
  return e.STAGING_LIFETIME_DEFAULT_HOURS > e.STAGING_LIFETIME_MAX_HOURS
    ? [
        `STAGING_LIFETIME_DEFAULT_HOURS (${String(e.STAGING_LIFETIME_DEFAULT_HOURS)}) must not exceed STAGING_LIFETIME_MAX_HOURS (${String(e.STAGING_LIFETIME_MAX_HOURS)})`,
      ]
    : [];
}

export const stagingConfig = (e: StagingEnv): StagingConfig => ({
  rse: e.STAGING_RSE,
  activity: e.STAGING_ACTIVITY || undefined,
  lifetime: {
    defaultSeconds: e.STAGING_LIFETIME_DEFAULT_HOURS * 3600,
    maxSeconds: e.STAGING_LIFETIME_MAX_HOURS * 3600,
  },
});
