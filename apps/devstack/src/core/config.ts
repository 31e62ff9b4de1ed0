/**
 * The only reader of process.env in the devstack. Every knob is optional: defaults come from
 * @bdms/dev-fixtures so that `core-up` on a fresh machine needs no environment at all.
 */
import { DEV_PORTS, devIssuer } from '@bdms/dev-fixtures';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** Exported so a stack-wide config can `.extend()` it with the IdP/BFF settings. */
export const CoreEnvSchema = z.object({
  /** Where runtime state lives (venv, logs, pid files, DB cluster, storage bytes). */
  DEVSTACK_HOME: z.string().min(1).optional(),
  /** An existing PostgreSQL database for Rucio (postgres:// or postgresql+psycopg:// URL). */
  RUCIO_DB_URL: z.string().min(1).optional(),
  /** auto: RUCIO_DB_URL, else 127.0.0.1:5432, else embedded. The others force one choice. */
  DEVSTACK_DB: z.enum(['auto', 'local', 'embedded']).default('auto'),
  DEVSTACK_LOCAL_PG_PORT: port(5432),
  DEVSTACK_EMBEDDED_PG_PORT: port(4430),
  RUCIO_PORT: port(DEV_PORTS.rucio),
  STORAGE_PORT: port(DEV_PORTS.storage),
  /** The issuer the Rucio identities and idpsecrets.json point at (byte-exact, trailing slash). */
  IDP_ISSUER: z.url().default(devIssuer()),
  /** Seconds between two rounds of the transfer loop (core/transfers.ts). */
  DEVSTACK_TRANSFER_INTERVAL: z.coerce.number().int().min(1).max(3600).default(5),
  DEVSTACK_TRANSFER_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** A python3 (>= 3.10) to build the venv with, when `python3` on PATH is not the one. */
  DEVSTACK_PYTHON: z.string().min(1).optional(),
});

export type DevstackEnv = z.infer<typeof CoreEnvSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): DevstackEnv {
  const parsed = CoreEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid devstack environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The environment handed to child processes (they need PATH, HOME, locale...). */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
