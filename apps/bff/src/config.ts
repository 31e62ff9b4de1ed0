/**
 * The only reader of process.env in the BFF. Parsed with zod; every problem is listed at once.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { SCHEMA_NAME } from './db/db.ts';
import { mapTileUrl, type MapTiles } from './settings/map-tiles.ts';
import {
  storageEnvShape,
  storageProblems,
  storageTokenConfig,
  type StorageTokenConfig,
} from './storage/storage-config.ts';
import {
  downloadsConfig,
  downloadsEnvShape,
  downloadsProblems,
  type DownloadsConfig,
} from './downloads/downloads-config.ts';
import {
  stagingConfig,
  stagingEnvShape,
  stagingProblems,
  type StagingConfig,
} from './staging/staging-config.ts';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const origins = z
  .string()
  .default('')
  .transform((v) => v.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.url().transform((u) => new URL(u).origin)));

const DEV_SESSION_SECRET = 'dev-only-session-secret-change-me';

/** Express's names for address ranges (proxy-addr), usable in TRUST_PROXY beside addresses. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isAddressOrSubnet = (v: string): boolean => {
  const [ip = '', bits, ...rest] = v.split('/');
  if (rest.length > 0 || isIP(ip) === 0) return false;
  return (
    bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128))
  );
};

/**
 * Who may tell the BFF the browser's address and scheme (X-Forwarded-For / -Proto): Express's
 * `trust proxy` as a hop count or the proxies' addresses. Unset: nobody, the address is the
 * socket's. `true` (trust whatever the header says) is refused: any client could then choose
 * the address the BFF reports to Rucio and rate-limits by.
 */
const trustProxy = z
  .string()
  .default('')
  .transform((v, ctx): false | number | string[] => {
    const value = v.trim();
    if (value === '' || value === '0' || value === 'false') return false;
    if (/^\d+$/.test(value)) return Number(value);
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'true would believe any client; name the proxy: a hop count (e.g. 1) or its address',
      });
      return false;
    }
    const items = value.split(/[\s,]+/).filter(Boolean);
    const bad = items.filter((i) => !RANGE_NAMES.has(i) && !isAddressOrSubnet(i));
    if (bad.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `not an address, subnet or range name (loopback, linklocal, uniquelocal): ${bad.join(', ')}`,
      });
    return items;
  });

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().default('http://localhost:8080'),
  OIDC_ISSUER: z.url(),
  OIDC_CLIENT_ID: z.string().min(1),
  OIDC_CLIENT_SECRET: z.string().min(1),
  /** storage.read:/ so that storage tokens can be had by narrowing refreshes (storage-config.ts). */
  OIDC_SCOPES: z
    .string()
    .min(1)
    .default('openid profile email offline_access wlcg.groups storage.read:/'),
  OIDC_ALLOW_INSECURE: flag.default(false),
  /** e.g. `consent`: IAM would show its approval page at every sign-in, so none by default. */
  OIDC_PROMPT: z
    .string()
    .regex(/^(none|login|consent|select_account)( (login|consent|select_account))*$/, {
      message: 'must be OIDC prompt values (none, login, consent, select_account)',
    })
    .optional(),
  RUCIO_AUDIENCE: z.string().min(1).default('rucio'),
  RUCIO_URL: z.url(),
  RUCIO_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  ADMIN_GROUP: z.string().startsWith('/').default('/ctao/admins'),
  SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  REDIS_URL: z.url().optional(),
  /** The portal's own PostgreSQL database (audit trail…); the BFF does not start without it. */
  DATABASE_URL: z.url({
    protocol: /^postgres(ql)?$/,
    error: (issue) =>
      issue.input === undefined
        ? 'required: the portal database, e.g. postgresql://user@127.0.0.1:5432/bdms_portal'
        : 'must be a postgresql:// URL',
  }),
  DATABASE_SCHEMA: z
    .string()
    .regex(SCHEMA_NAME, 'must be a plain lower-case schema name')
    .default('public'),
  /** How long rarely-changing Rucio answers (scopes, the user's account…) are reused; 0 = never. */
  REFERENCE_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(60),
  /** Requests to /auth/* per client per minute (sign-in, callback, sign-out). */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Extra origins the SPA may load images from / connect to (e.g. storage hosts), space-separated. */
  CSP_IMG_ORIGINS: origins,
  CSP_CONNECT_ORIGINS: origins,
  /** An XYZ tile server for the maps (its origin joins img-src); unset: the bundled outline. */
  MAP_TILE_URL: mapTileUrl,
  MAP_TILE_ATTRIBUTION: z.string().trim().max(500).default(''),
  WEB_DIST_DIR: z.string().min(1).optional(),
  /** Rows a live search sends at most; the trailer says when it cut there (exports are not cut). */
  SEARCH_ROW_CAP: z.coerce.number().int().positive().default(200_000),
  TRUST_PROXY: trustProxy,
  /**
   * A GeoIP2/GeoLite2 City database (.mmdb): the BFF places the browser's address with it and
   * sends Rucio the coordinates with the address (unset or empty: the address alone, Rucio
   * places it).
   */
  GEOIP_CITY_DB: z
    .string()
    .optional()
    .transform((path) => (path?.trim() ? path.trim() : undefined)),
  /** The benchmark's memory probe (POST /debug/memory); development only. */
  BENCH_ROUTES: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...storageEnvShape,
  ...downloadsEnvShape,
  ...stagingEnvShape,
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** Origin + optional path prefix, without trailing slash: http://localhost:8080 */
  publicUrl: string;
  publicOrigin: string;
  /** https PUBLIC_URL: __Host- cookies + Secure. */
  secureCookies: boolean;
  /**
   * Express `trust proxy`: who may set X-Forwarded-For/-Proto (the browser's address sent to
   * Rucio and used by the rate limit; the scheme Secure cookies need). false: nobody.
   */
  trustProxy: false | number | string[];
  /** GEOIP_CITY_DB: where the browser's address is placed before Rucio sorts replicas for it. */
  geoipCityDb: string | undefined;
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    scopes: string;
    allowInsecure: boolean;
    audience: string;
    prompt: string | undefined;
  };
  rucio: { url: string; timeoutMs: number };
  /** Tokens for reading the storage (the user's, by a narrower refresh; the links client's). */
  storage: StorageTokenConfig;
  /** Signed download links and ZIP bundles. */
  downloads: DownloadsConfig;
  /** Staging tape-only data to disk: the RSE, the rules' activity, lifetimes. */
  staging: StagingConfig;
  adminGroup: string;
  authRateLimitPerMinute: number;
  referenceCacheMs: number;
  csp: { imgOrigins: string[]; connectOrigins: string[] };
  /** The maps' raster tiles; null: the SPA draws the bundled outline only (offline). */
  mapTiles: MapTiles | null;
  benchRoutes: boolean;
  search: { rowCap: number };
  session: { secret: string; idleMs: number; absoluteMs: number; redisUrl: string | undefined };
  database: { url: string; schema: string };
  webDistDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  version: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const isHttp = (url: string): boolean => new URL(url).protocol === 'http:';

/**
 * A deployment (NODE_ENV=production, or served over https) must not run with development
 * shortcuts: the committed dev session secret, plain-http Rucio or IdP, or insecure OIDC.
 */
function crossFieldProblems(e: z.infer<typeof EnvSchema>): string[] {
  const problems: string[] = storageProblems(e);
  const deployed = e.NODE_ENV === 'production' || new URL(e.PUBLIC_URL).protocol === 'https:';
  const why = e.NODE_ENV === 'production' ? 'NODE_ENV=production' : 'PUBLIC_URL is https';
  problems.push(...downloadsProblems(e, deployed, why));
  problems.push(...stagingProblems(e));
  if (isHttp(e.OIDC_ISSUER) && !e.OIDC_ALLOW_INSECURE && !deployed) {
    problems.push(
      'OIDC_ISSUER: is http://; set OIDC_ALLOW_INSECURE=1 to allow that (development only)',
    );
  }
  if (new URL(e.PUBLIC_URL).protocol === 'https:' && e.TRUST_PROXY === false)
    problems.push(
      'TRUST_PROXY: required when PUBLIC_URL is https (the BFF speaks http: name the TLS proxy in front of it, e.g. 1 for one hop, or its address)',
    );
  if (!deployed) return problems;
  if (!e.SESSION_SECRET || e.SESSION_SECRET === DEV_SESSION_SECRET)
    problems.push(`SESSION_SECRET: a secret of your own is required when ${why}`);
  if (e.OIDC_ALLOW_INSECURE) problems.push(`OIDC_ALLOW_INSECURE: must not be set when ${why}`);
  if (e.BENCH_ROUTES) problems.push(`BENCH_ROUTES: must not be set when ${why}`);
  if (isHttp(e.OIDC_ISSUER)) problems.push(`OIDC_ISSUER: must be https:// when ${why}`);
  if (isHttp(e.RUCIO_URL)) problems.push(`RUCIO_URL: must be https:// when ${why}`);
  // A loopback tile server is the viewer's own machine: fine in development, not for users.
  if (e.MAP_TILE_URL && isHttp(e.MAP_TILE_URL.origin))
    problems.push(`MAP_TILE_URL: must be https:// when ${why}`);
  return problems;
}

/** Parses the environment; throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv | undefined, version = '0.0.0'): Config {
  const parsed = EnvSchema.safeParse(env ?? process.env);
  if (!parsed.success) {
    throw new ConfigError(`invalid BFF environment:\n${z.prettifyError(parsed.error)}`);
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
    trustProxy: e.TRUST_PROXY,
    geoipCityDb: e.GEOIP_CITY_DB,
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      scopes: e.OIDC_SCOPES,
      allowInsecure: e.OIDC_ALLOW_INSECURE,
      audience: e.RUCIO_AUDIENCE,
      prompt: e.OIDC_PROMPT,
    },
    rucio: { url: e.RUCIO_URL.replace(/\/+$/, ''), timeoutMs: e.RUCIO_TIMEOUT_MS },
    storage: storageTokenConfig(e),
    downloads: downloadsConfig(e),
    staging: stagingConfig(e),
    adminGroup: e.ADMIN_GROUP,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    referenceCacheMs: e.REFERENCE_CACHE_SECONDS * 1000,
    csp: { imgOrigins: e.CSP_IMG_ORIGINS, connectOrigins: e.CSP_CONNECT_ORIGINS },
    mapTiles: e.MAP_TILE_URL ? { ...e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION } : null,
    benchRoutes: e.BENCH_ROUTES,
    search: { rowCap: e.SEARCH_ROW_CAP },
    session: {
      secret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      redisUrl: e.REDIS_URL,
    },
    database: { url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA },
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(import.meta.dirname, '../../web/dist')),
    logLevel: e.LOG_LEVEL,
    version,
  };
}
