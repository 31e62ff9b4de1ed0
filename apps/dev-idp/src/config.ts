/**
 * The only reader of process.env for the dev IdP. Everything is optional: the defaults are the
 * shared dev facts from @bdms/dev-fixtures, so `pnpm --filter @bdms/dev-idp start` just works.
 */
import { z } from 'zod';
import { DEV_PORTS, devIssuer } from '@bdms/dev-fixtures';

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const uriList = z
  .string()
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.url()));

const EnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  IDP_PORT: z.coerce.number().int().min(0).max(65535).default(DEV_PORTS.idp),
  IDP_ISSUER: z.url().optional(),
  IDP_ACCESS_TOKEN_TTL: z.coerce.number().int().positive().default(3600),
  IDP_END_SESSION: flag.default(true),
  IDP_PORTAL_REDIRECT_URIS: uriList.optional(),
  IDP_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

export interface IdpConfig {
  port: number;
  /** Published exactly like IAM: with a trailing slash (Rucio compares it byte for byte). */
  issuer: string;
  accessTokenTtl: number;
  /** Real IAM advertises no end_session_endpoint; switchable so the BFF is tested both ways. */
  endSession: boolean;
  /** Registered redirect URIs of the portal client (any loopback /auth/callback is also allowed). */
  portalRedirectUris: string[];
  logLevel: z.infer<typeof EnvSchema>['IDP_LOG_LEVEL'];
}

export const DEFAULT_PORTAL_REDIRECT_URIS = [
  'http://localhost:8080/auth/callback',
  'http://127.0.0.1:8080/auth/callback',
];

export class ConfigError extends Error {}

/** Parses the environment; throws a readable ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): IdpConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid dev-idp environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    throw new ConfigError(
      'dev-idp is a development IdP and refuses to run with NODE_ENV=production',
    );
  }
  return {
    port: e.IDP_PORT,
    issuer: e.IDP_ISSUER ?? devIssuer(e.IDP_PORT),
    accessTokenTtl: e.IDP_ACCESS_TOKEN_TTL,
    endSession: e.IDP_END_SESSION,
    portalRedirectUris: e.IDP_PORTAL_REDIRECT_URIS ?? DEFAULT_PORTAL_REDIRECT_URIS,
    logLevel: e.IDP_LOG_LEVEL,
  };
}
