/**
 * The only reader of process.env in the BFF. Parsed with zod; every problem is listed at once.
 */
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me';

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().default('http://localhost:8080'),
  OIDC_ISSUER: z.url(),
  OIDC_CLIENT_ID: z.string().min(1),
  OIDC_CLIENT_SECRET: z.string().min(1),
  OIDC_SCOPES: z.string().min(1).default('openid profile email offline_access wlcg.groups'),
  OIDC_ALLOW_INSECURE: flag.default(false),
  RUCIO_AUDIENCE: z.string().min(1).default('rucio'),
  RUCIO_URL: z.url(),
  RUCIO_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  ADMIN_GROUP: z.string().startsWith('/').default('/ctao/admins'),
  SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  REDIS_URL: z.url().optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** Origin + optional path prefix, without trailing slash: http://localhost:8080 */
  publicUrl: string;
  publicOrigin: string;
  /** https PUBLIC_URL: __Host- cookies + Secure, and Express trusts X-Forwarded-* from one proxy hop. */
  secureCookies: boolean;
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    scopes: string;
    allowInsecure: boolean;
    audience: string;
  };
  rucio: { url: string; timeoutMs: number };
  adminGroup: string;
  session: { secret: string; idleMs: number; absoluteMs: number; redisUrl: string | undefined };
  webDistDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  version: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function crossFieldProblems(e: z.infer<typeof EnvSchema>): string[] {
  const problems: string[] = [];
  if (
    new URL(e.OIDC_ISSUER).protocol === 'http:' &&
    !e.OIDC_ALLOW_INSECURE &&
    e.NODE_ENV !== 'production'
  ) {
    problems.push(
      'OIDC_ISSUER: is http://; set OIDC_ALLOW_INSECURE=1 to allow that (development only)',
    );
  }
  if (e.NODE_ENV !== 'production') return problems;
  if (!e.SESSION_SECRET) problems.push('SESSION_SECRET: required when NODE_ENV=production');
  if (e.OIDC_ALLOW_INSECURE)
    problems.push('OIDC_ALLOW_INSECURE: must not be set when NODE_ENV=production');
  if (new URL(e.OIDC_ISSUER).protocol !== 'https:')
    problems.push('OIDC_ISSUER: must be https:// when NODE_ENV=production');
  return problems;
}

/** Parses the environment; throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv | undefined, version = '0.0.0'): Config {
  const parsed = EnvSchema.safeParse(env ?? process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid BFF environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems = crossFieldProblems(e);
  if (problems.length)
    throw new ConfigError(`invalid BFF environment:\n  ${problems.join('\n  ')}`);
  const publicUrl = e.PUBLIC_URL.replace(/\/+$/, '');
  return {
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    publicOrigin: new URL(publicUrl).origin,
    secureCookies: new URL(publicUrl).protocol === 'https:',
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      scopes: e.OIDC_SCOPES,
      allowInsecure: e.OIDC_ALLOW_INSECURE,
      audience: e.RUCIO_AUDIENCE,
    },
    rucio: { url: e.RUCIO_URL.replace(/\/+$/, ''), timeoutMs: e.RUCIO_TIMEOUT_MS },
    adminGroup: e.ADMIN_GROUP,
    session: {
      secret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      redisUrl: e.REDIS_URL,
    },
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(import.meta.dirname, '../../web/dist')),
    logLevel: e.LOG_LEVEL,
    version,
  };
}
