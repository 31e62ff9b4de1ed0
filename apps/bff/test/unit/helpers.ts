import session, { type Store } from 'express-session';
import request from 'supertest';
import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import { createApp, type AppDeps } from '../../src/app.ts';
import type { CallbackChecks, OidcPort, TokenResult } from '../../src/auth/oidc-port.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';
import type { RucioPort } from '../../src/rucio-port.ts';
import { memoryAudit } from './memory-audit.ts';
import { memorySavedSearches } from './memory-saved-searches.ts';
import { memoryBasket, type MemoryBasket } from './memory-basket.ts';
import { memoryLinks } from './memory-links.ts';
import { memoryQuotaAudit } from './memory-quota-audit.ts';

export const PUBLIC_HTTP = 'http://localhost:8080';
export const PUBLIC_HTTPS = 'https://portal.example.org';

export function testConfig(env: Record<string, string> = {}): Config {
  // Served over https, the BFF refuses http upstreams and the dev secret (the production guard).
  const deployed = env.PUBLIC_URL?.startsWith('https:') ?? false;
  return loadConfig(
    {
      OIDC_ISSUER: deployed ? 'https://idp.test/' : 'http://idp.test/',
      ...(deployed ? {} : { OIDC_ALLOW_INSECURE: '1' }),
      OIDC_CLIENT_ID: 'bdms-portal',
      OIDC_CLIENT_SECRET: 'secret',
      SESSION_SECRET: 'unit-test-session-secret-not-for-production',
      LINK_SIGNING_KEY: 'unit-test-link-signing-key-not-for-production',
      RUCIO_URL: deployed ? 'https://rucio.test' : 'http://rucio.test',
      // Served over https means behind a TLS proxy, which must be named (one hop here).
      ...(deployed ? { TRUST_PROXY: '1' } : {}),
      PUBLIC_URL: PUBLIC_HTTP,
      WEB_DIST_DIR: '/nonexistent-web-dist',
      LOG_LEVEL: 'silent',
      // Required, never connected to: unit tests get an in-memory AuditRepo (makeApp).
      DATABASE_URL: 'postgresql://unit-tests@127.0.0.1:9/no_database',
      ...env,
    },
    '9.9.9',
  );
}

let counter = 0;
/** Distinct, recognisable token strings: tests grep every response for them. */
export const tokenSet = (lifetimeMs = 3600_000, claims?: Record<string, unknown>): TokenResult => {
  counter += 1;
  return {
    accessToken: `AT-SECRET-${counter}`,
    refreshToken: `RT-SECRET-${counter}`,
    idToken: `IDT-SECRET-${counter}`,
    expiresAt: Date.now() + lifetimeMs,
    claims,
  };
};

export const ALICE_CLAIMS = {
  sub: 'b3a1c8e2-5f0d-4c4e-9a51-2f7d3c8e1a01',
  preferred_username: 'alice',
  name: 'Alice Astronomer',
  email: 'alice@ctao.example.org',
  'wlcg.groups': ['/ctao', '/ctao/astronomers'],
};

/**
 * A stub of our OidcPort (not an IdP): it records calls and checks state like openid-client does,
 * so the routes' handling of transactions, sessions and refresh can be tested in isolation.
 */
export function stubOidc(
  options: {
    endSession?: boolean;
    tokenLifetimeMs?: number;
    claims?: Record<string, unknown>;
  } = {},
) {
  const calls = { refresh: [] as string[], revoke: [] as string[], finish: [] as CallbackChecks[] };
  let refreshImpl: (rt: string) => Promise<TokenResult> = () =>
    Promise.resolve(tokenSet(options.tokenLifetimeMs));
  let probeImpl: () => Promise<string> = () => Promise.resolve('http://idp.test/');
  const port: OidcPort = {
    startLogin: (redirectUri) => {
      const state = `state-${String(Math.random()).slice(2)}`;
      const url = new URL('http://idp.test/authorize');
      url.search = new URLSearchParams({ redirect_uri: redirectUri, state }).toString();
      return Promise.resolve({ url, state, nonce: 'nonce', codeVerifier: 'verifier' });
    },
    finishLogin: (callbackUrl, checks) => {
      calls.finish.push(checks);
      if (callbackUrl.searchParams.get('state') !== checks.state) {
        return Promise.reject(
          new AppError(
            400,
            'login_failed',
            'The sign-in could not be completed. Please try again.',
          ),
        );
      }
      return Promise.resolve(tokenSet(options.tokenLifetimeMs, options.claims ?? ALICE_CLAIMS));
    },
    refresh: (rt) => {
      calls.refresh.push(rt);
      return refreshImpl(rt);
    },
    revoke: (rt) => {
      calls.revoke.push(rt);
      return Promise.resolve();
    },
    endSessionUrl: ({ postLogoutRedirectUri }) => {
      if (!options.endSession) return Promise.resolve(undefined);
      const url = new URL('http://idp.test/session/end');
      url.search = new URLSearchParams({
        client_id: 'bdms-portal',
        post_logout_redirect_uri: postLogoutRedirectUri,
      }).toString();
      return Promise.resolve(url);
    },
    probe: () => probeImpl(),
  };
  return {
    port,
    calls,
    onRefresh: (fn: (rt: string) => Promise<TokenResult>) => {
      refreshImpl = fn;
    },
    onProbe: (fn: () => Promise<string>) => {
      probeImpl = fn;
    },
  };
}

// eslint-disable-next-line require-yield -- an empty listing
async function* emptyListing(): AsyncGenerator<never> {
  await Promise.resolve();
}

export function stubRucio(overrides: Partial<RucioPort> = {}) {
  const seenTokens: string[] = [];
  const rucio: RucioPort = {
    ping: () => Promise.resolve({ version: '41.5.1' }),
    whoami: ({ token }) => {
      seenTokens.push(token);
      return Promise.resolve('alice');
    },
    primeToken: () => Promise.resolve(),
    listIdentityAccounts: ({ token }) => {
      seenTokens.push(token);
      return Promise.resolve(['alice', 'lst-analysis']);
    },
    listScopes: ({ token }) => {
      seenTokens.push(token);
      return Promise.resolve(['user.alice', 'acada', 'dl3']);
    },
    // Empty listings and a refusal for single DIDs, unless a test replays a recording.
    listContents: emptyListing,
    listParents: emptyListing,
    listScopeCollections: emptyListing,
    listDidRules: emptyListing,
    listAssociatedRules: emptyListing,
    listDatasetReplicas: emptyListing,
    listFileReplicas: emptyListing,
    listDatasetReplicasBulk: emptyListing,
    searchDidNames: emptyListing,
    bulkMeta: emptyListing,
    listRses: emptyListing,
    listTransferRequests: emptyListing,
    resolveRseExpression: emptyListing,
    listLocalUsage: emptyListing,
    listGlobalUsage: emptyListing,
    getAccountAttributes: () => Promise.resolve([]),
    addRule: () => Promise.reject(new Error('stubRucio: addRule not planned')),
    listRseUsage: emptyListing,
    listRseAccountUsage: emptyListing,
    listRseDatasets: emptyListing,
    listDatasetLocks: emptyListing,
    listDatasetLocksBulk: emptyListing,
    listRules: emptyListing,
    listRuleLocks: emptyListing,
    getRule: () => Promise.reject(new Error('stubRucio: getRule not planned')),
    getTransferRequest: () =>
      Promise.reject(new Error('stubRucio: getTransferRequest not planned')),
    getRse: () => Promise.reject(new Error('stubRucio: getRse not planned')),
    getRseAttributes: () => Promise.reject(new Error('stubRucio: getRseAttributes not planned')),
    getDid: () => Promise.reject(new Error('stubRucio: getDid not planned')),
    getDidMeta: () => Promise.reject(new Error('stubRucio: getDidMeta not planned')),
    listAccounts: emptyListing,
    getLocalLimits: () => Promise.resolve({}),
    getGlobalLimits: () => Promise.resolve({}),
    setLocalLimit: () => Promise.reject(new Error('stubRucio: setLocalLimit not planned')),
    deleteLocalLimit: () => Promise.reject(new Error('stubRucio: deleteLocalLimit not planned')),
    setGlobalLimit: () => Promise.reject(new Error('stubRucio: setGlobalLimit not planned')),
    deleteGlobalLimit: () => Promise.reject(new Error('stubRucio: deleteGlobalLimit not planned')),
    ...overrides,
  };
  return { rucio, seenTokens };
}

/**
 * The BFF over a real Rucio client replaying recordings. The client's primeToken (the one whoami
 * the BFF makes per new token, tested in rucio-call.test.ts) is left out, so that what the client
 * is seen asking is each route's own calls.
 */
export const replayedRucio = (client: RucioPort) =>
  stubRucio({ ...client, primeToken: () => Promise.resolve() });

export interface TestApp {
  app: Express;
  config: Config;
  store: Store;
  oidc: ReturnType<typeof stubOidc>;
  rucio: ReturnType<typeof stubRucio>;
  audit: ReturnType<typeof memoryAudit>;
  savedSearches: ReturnType<typeof memorySavedSearches>;
  basket: MemoryBasket;
  links: ReturnType<typeof memoryLinks>;
}

export function makeApp(
  options: {
    env?: Record<string, string>;
    oidc?: ReturnType<typeof stubOidc>;
    rucio?: ReturnType<typeof stubRucio>;
    store?: Store;
    audit?: ReturnType<typeof memoryAudit>;
    savedSearches?: ReturnType<typeof memorySavedSearches>;
    basket?: MemoryBasket;
    links?: ReturnType<typeof memoryLinks>;
    logger?: Logger;
    redisCommand?: AppDeps['redisCommand'];
    geolocate?: AppDeps['geolocate'];
  } = {},
): TestApp {
  const config = testConfig(options.env);
  const oidc = options.oidc ?? stubOidc();
  const rucio = options.rucio ?? stubRucio();
  const store = options.store ?? new session.MemoryStore();
  const audit = options.audit ?? memoryAudit();
  const savedSearches = options.savedSearches ?? memorySavedSearches();
  const basket = options.basket ?? memoryBasket();
  const links = options.links ?? memoryLinks();
  const app = createApp({
    config,
    logger: options.logger ?? pino({ level: 'silent' }),
    oidc: oidc.port,
    rucio: rucio.rucio,
    sessionStore: store,
    redisCommand: options.redisCommand,
    geolocate: options.geolocate,
    healthCacheMs: 0,
    audit,
    savedSearches,
    basket,
    links,
    quotaAudit: memoryQuotaAudit(),
  });
  return { app, config, store, oidc, rucio, audit, savedSearches, basket, links };
}

export const setCookies = (res: request.Response): string[] => {
  const raw = res.headers['set-cookie'] as unknown;
  return Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
};

export const cookieLine = (res: request.Response, name: string): string | undefined =>
  setCookies(res).find((c) => c.startsWith(`${name}=`));

export const cookiePair = (line: string | undefined): string => (line ?? '').split(';')[0] ?? '';

/** Drives /auth/login → /auth/callback; returns the session cookie pair and both responses. */
export async function login(
  t: TestApp,
  options: { returnTo?: string; https?: boolean; cookie?: string } = {},
) {
  const proto = options.https ? { 'X-Forwarded-Proto': 'https' } : {};
  const names = t.config.secureCookies
    ? { s: '__Host-bdms_session', tx: '__Host-bdms_login_tx' }
    : { s: 'bdms_session', tx: 'bdms_login_tx' };
  const start = await request(t.app)
    .get('/auth/login')
    .query(options.returnTo ? { returnTo: options.returnTo } : {})
    .set(proto);
  const location = new URL(String(start.headers.location));
  const state = location.searchParams.get('state') ?? '';
  const txCookie = cookiePair(cookieLine(start, names.tx));
  const callback = await request(t.app)
    .get('/auth/callback')
    .query({ code: 'the-code', state, iss: 'http://idp.test/' })
    .set(proto)
    .set('Cookie', [txCookie, options.cookie].filter(Boolean).join('; '));
  const sessionCookie = cookiePair(cookieLine(callback, names.s));
  return { start, callback, state, txCookie, sessionCookie };
}
