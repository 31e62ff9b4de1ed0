import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { SessionData } from 'express-session';
import {
  DEV_CLIENTS,
  DEV_HOST,
  DEV_STORAGE_AUDIENCE,
  RUCIO_ROOT,
  headlessLogin,
  type DemoUser,
} from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { createApp } from '../../src/app.ts';
import { createAuditRepo, type AuditRepo } from '../../src/audit/audit.repo.ts';
import {
  createSavedSearchRepo,
  type SavedSearchRepo,
} from '../../src/saved-searches/saved-searches.repo.ts';
import { createBasketRepo, type BasketRepo } from '../../src/basket/basket.repo.ts';
import { createLinkRepo } from '../../src/links/links.repo.ts';
import { createQuotaAuditRepo } from '../../src/quotas/quota-audit.repo.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { createOidcClient } from '../../src/auth/oidc-client.ts';
import { createSessionStore, type SessionStore } from '../../src/auth/session.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { openGeolocator } from '../../src/http/geolocate.ts';
import { createLogger } from '../../src/logger.ts';
import { migratedScratchDb, TEST_DATABASE_URL } from '../db/scratch-db.ts';
import { IDP_ISSUER, RUCIO_URL } from './stack.ts';

export { IDP_ISSUER, RUCIO_URL };

export interface TestBff {
  url: string;
  config: Config;
  sessions: SessionStore;
  /** Every request the BFF's OIDC client sent to the IdP's token endpoint (grant types). */
  tokenRequests: string[];
  /** The audit trail, in a schema of this BFF's own (dropped by stop()). */
  audit: AuditRepo;
  /** Saved searches, in the same schema. */
  savedSearches: SavedSearchRepo;
  /** Download baskets, in the same schema. */
  basket: BasketRepo;
  /** The scratch schema's database, for what no repository exposes (a link's expiry in the past). */
  db: Kysely<Database>;
  /** While true, the BFF's calls to the IdP go to a closed port: a real connection refusal. */
  idpDown: boolean;
  stop(): Promise<void>;
}

/** A loopback port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, DEV_HOST, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface StartBffOptions {
  /** Serve over real TLS with this key and certificate (PUBLIC_URL becomes https://…). */
  tls?: { key: string; cert: string };
  /** Another way to the real Rucio (e.g. a fault-injecting proxy in front of it). */
  rucioUrl?: string;
  /** More of the BFF's environment (e.g. smaller caps). */
  env?: Record<string, string>;
}

/** An in-process BFF on a random port, wired exactly like main.ts but with the store in reach. */
export async function startBff(
  issuer: string = IDP_ISSUER,
  options: StartBffOptions = {},
): Promise<TestBff> {
  const server: Server | TlsServer = options.tls ? createTlsServer(options.tls) : createServer();
  await new Promise<void>((resolve) => server.listen(0, DEV_HOST, resolve));
  const scheme = options.tls ? 'https' : 'http';
  const url = `${scheme}://${DEV_HOST}:${(server.address() as AddressInfo).port}`;
  const scratch = await migratedScratchDb();
  const audit = createAuditRepo(scratch.db);
  const savedSearches = createSavedSearchRepo(scratch.db);
  const basket = createBasketRepo(scratch.db);
  const links = createLinkRepo(scratch.db);
  const loaded = loadConfig(
    {
      // The deployment guard refuses an https PUBLIC_URL with the dev stack's http IdP and Rucio
      // (unit-tested in config.test.ts): loaded as http, the https parts are set just below.
      PUBLIC_URL: url.replace(/^https:/, 'http:'),
      OIDC_ISSUER: issuer,
      OIDC_ALLOW_INSECURE: '1',
      OIDC_CLIENT_ID: DEV_CLIENTS.portal.clientId,
      OIDC_CLIENT_SECRET: DEV_CLIENTS.portal.clientSecret,
      // The storage reads with these (downloads: the user's token; signed links: the links client's).
      STORAGE_AUDIENCE: DEV_STORAGE_AUDIENCE,
      LINKS_CLIENT_ID: DEV_CLIENTS.links.clientId,
      LINKS_CLIENT_SECRET: DEV_CLIENTS.links.clientSecret,
      RUCIO_URL: options.rucioUrl ?? RUCIO_URL,
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: '/nonexistent',
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: scratch.schema,
      ...options.env,
    },
    'it',
  );
  const config: Config = options.tls
    ? { ...loaded, publicUrl: url, publicOrigin: url, secureCookies: true }
    : loaded;
  const logger = createLogger(config);
  const sessions = await createSessionStore(config, logger);
  const tokenRequests: string[] = [];
  const deadPort = await closedPort();
  const state = { idpDown: false };
  const countingFetch: typeof fetch = async (input, init) => {
    const target = input instanceof Request ? input.url : String(input);
    if (target.includes('/token') && init?.body instanceof URLSearchParams)
      tokenRequests.push(init.body.get('grant_type') ?? '?');
    if (!state.idpDown || !target.startsWith(issuer)) return fetch(input, init);
    const down = new URL(target);
    down.port = String(deadPort);
    return fetch(down, init);
  };
  const oidc = createOidcClient({ config: config.oidc, logger, fetch: countingFetch });
  const rucio = createRucioClient({ baseUrl: config.rucio.url, userAgent: 'bff-it' });
  server.on(
    'request',
    createApp({
      config,
      logger,
      oidc,
      rucio,
      geolocate: config.geoipCityDb === undefined ? undefined : openGeolocator(config.geoipCityDb),
      sessionStore: sessions.store,
      healthCacheMs: 0,
      audit,
      savedSearches,
      basket,
      links,
      quotaAudit: createQuotaAuditRepo(scratch.db),
    }),
  );
  return {
    url,
    config,
    sessions,
    tokenRequests,
    audit,
    savedSearches,
    basket,
    db: scratch.db,
    get idpDown() {
      return state.idpDown;
    },
    set idpDown(down: boolean) {
      state.idpDown = down;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sessions.close();
      await scratch.drop();
    },
  };
}

/** Headless sign-in through the BFF, stopping at the IdP's redirect back to /auth/callback. */
export async function loginUntilCallback(bff: TestBff, user: DemoUser, returnTo = '/') {
  const result = await headlessLogin({
    startUrl: `${bff.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
    username: user.username,
    password: user.password,
    stopAt: `${bff.url}/auth/callback`,
  });
  return {
    callbackUrl: result.url,
    txCookie: `bdms_login_tx=${result.cookies.bdms_login_tx ?? ''}`,
  };
}

/** The whole login; returns the session cookie pair. */
export async function login(
  bff: TestBff,
  user: DemoUser,
  extraCookie?: string,
): Promise<{ cookie: string; callback: Response }> {
  const { callbackUrl, txCookie } = await loginUntilCallback(bff, user);
  const callback = await fetch(callbackUrl, {
    redirect: 'manual',
    headers: { Cookie: [txCookie, extraCookie].filter(Boolean).join('; ') },
  });
  const line = callback.headers.getSetCookie().find((c) => c.startsWith('bdms_session='));
  if (callback.status !== 302 || !line)
    throw new Error(`login failed: ${callback.status} ${await callback.text()}`);
  return { cookie: line.split(';')[0] ?? '', callback };
}

/** All sessions in the store (one per login in these tests). */
export async function storedSessions(bff: TestBff): Promise<Record<string, SessionData>> {
  const store = bff.sessions.store;
  return new Promise((resolve, reject) => {
    if (!store.all) {
      reject(new Error('store cannot list'));
      return;
    }
    store.all((err, all) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve((all ?? {}) as Record<string, SessionData>);
    });
  });
}

export async function rootScopes(): Promise<string[]> {
  const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
  const { token } = await rucio.authUserpass({
    username: RUCIO_ROOT.username,
    password: RUCIO_ROOT.password,
  });
  return rucio.listScopes({ token });
}

/** The session id inside a signed `bdms_session=s%3A<id>.<sig>` cookie pair. */
export const sessionId = (cookie: string): string =>
  decodeURIComponent(cookie.split('=')[1] ?? '')
    .slice(2)
    .split('.')[0] ?? '';

/** Rewrites the stored access-token expiry (the IdP's TTL is 1 h; tests need it sooner). */
export async function setExpiresAt(bff: TestBff, sid: string, expiresAt: number): Promise<void> {
  const session = (await storedSessions(bff))[sid];
  if (!session) throw new Error('no session');
  session.tokens.expiresAt = expiresAt;
  await new Promise<void>((resolve, reject) => {
    bff.sessions.store.set(sid, session, (err) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve();
    });
  });
}
