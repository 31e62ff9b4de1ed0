/**
 * The stack-wide environment (core settings plus the IdP, the BFF and the seed). The only other
 * reader of process.env in the devstack besides core/config.ts, which it extends.
 */
import { DEV_PORTS } from '@bdms/dev-fixtures';
import { z } from 'zod';
import { CoreEnvSchema } from '../core/config.ts';

const StackEnvSchema = CoreEnvSchema.extend({
  /** The portal's port; the URL printed is http://localhost:<PORT>. */
  PORT: z.coerce.number().int().min(1).max(65535).default(DEV_PORTS.portal),
  IDP_PORT: z.coerce.number().int().min(1).max(65535).default(DEV_PORTS.idp),
  /** Sessions in this Redis; unset: the Redis on 127.0.0.1:6379 if one answers, else the BFF's embedded store. */
  REDIS_URL: z.url().optional(),
  SEED_SIZE: z.enum(['small', 'bench']).default('small'),
  /** Schemathesis's seed in the test command: fixed so a CI run is repeatable; change to explore. */
  SCHEMATHESIS_SEED: z.string().regex(/^\d+$/).default('20261201'),
});

export type StackEnv = z.infer<typeof StackEnvSchema> & { PORTAL_URL: string };

export function readStackEnv(env: NodeJS.ProcessEnv = process.env): StackEnv {
  const parsed = StackEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid devstack environment:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, PORTAL_URL: `http://localhost:${parsed.data.PORT}` };
}
