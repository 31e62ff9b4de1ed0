/**
 * Dev-only facts shared by the dev IdP, the devstack (Rucio identities, seed) and the tests.
 * Nothing here is a secret: these passwords and client secrets exist only on a developer's
 * machine and in CI. Production configuration never reads this package.
 */

export const DEV_PORTS = {
  portal: 8080,
  idp: 4400,
  rucio: 4410,
  storage: 4420,
} as const;

export const DEV_HOST = '127.0.0.1';

/** IAM publishes its issuer with a trailing slash; Rucio compares it byte for byte. */
export const devIssuer = (port: number = DEV_PORTS.idp): string => `http://${DEV_HOST}:${port}/`;

export const DEV_CLIENTS = {
  portal: { clientId: 'bdms-portal', clientSecret: 'dev-portal-secret' },
  /** Rucio's own client at the IdP (its idpsecrets entry; client_credentials only). */
  rucio: { clientId: 'rucio', clientSecret: 'dev-rucio-secret' },
  /**
   * The BFF's service client for signed download links (client_credentials only): storage tokens
   * with `storage.read:/ctao` or a narrower path, never a user's.
   */
  links: { clientId: 'portal-links', clientSecret: 'dev-links-secret' },
} as const;

/** The storage paths (relative to each RSE folder) the links client may be granted reads of. */
export const LINKS_READ_SCOPE = 'storage.read:/ctao';

export const RUCIO_AUDIENCE = 'rucio';
export const ADMIN_GROUP = '/ctao/admins';

export interface DemoUser {
  /** UUID, as IAM issues it. */
  sub: string;
  username: string;
  password: string;
  name: string;
  email: string;
  /** WLCG groups, leading slash. */
  groups: string[];
  /**
   * The Rucio account the `SUB=…, ISS=…` identity maps to; null = deliberately not mapped, so
   * Rucio answers 401 to this user's valid tokens (the "unknown identity" case).
   */
  rucioAccount: string | null;
  /** Further Rucio accounts the same identity maps to (not the default one). */
  extraAccounts: readonly string[];
  role: 'astronomer' | 'admin' | 'unmapped';
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    sub: 'b3a1c8e2-5f0d-4c4e-9a51-2f7d3c8e1a01',
    username: 'alice',
    password: 'alice-dev-password',
    name: 'Alice Astronomer',
    email: 'alice@ctao.example.org',
    groups: ['/ctao', '/ctao/astronomers'],
    rucioAccount: 'alice',
    // One identity, two accounts: her own and the LST analysis group's (account switching).
    extraAccounts: ['lst-analysis'],
    role: 'astronomer',
  },
  {
    sub: 'c7e2d9f4-1a3b-4d5e-8f60-7a8b9c0d1e02',
    username: 'oscar',
    password: 'oscar-dev-password',
    name: 'Oscar Operator',
    email: 'oscar@ctao.example.org',
    groups: ['/ctao', ADMIN_GROUP],
    rucioAccount: 'ctaoadmin',
    extraAccounts: [],
    role: 'admin',
  },
  {
    sub: 'e1f3a5b7-9c2d-4e6f-8a0b-1c2d3e4f5a03',
    username: 'nora',
    password: 'nora-dev-password',
    name: 'Nora Newcomer',
    email: 'nora@ctao.example.org',
    groups: ['/ctao'],
    // Known to the IdP but never registered in Rucio: signs in, then Rucio rejects her token.
    rucioAccount: null,
    extraAccounts: [],
    role: 'unmapped',
  },
  {
    sub: 'f4a6b8c0-2d4e-4f60-9a1b-3c5d7e9f0b04',
    username: 'fuzzer',
    password: 'fuzzer-dev-password',
    name: 'Fuzz Tester',
    email: 'fuzzer@ctao.example.org',
    groups: ['/ctao', '/ctao/astronomers'],
    // The test command's API fuzzer (schemathesis) signs in as this astronomer: what its writes
    // leave behind (basket, saved searches, links, rule requests) is nobody else's.
    rucioAccount: 'fuzzer',
    extraAccounts: [],
    role: 'astronomer',
  },
];

/** A demo user that has a Rucio account (for tests that need Rucio to accept the token). */
export type MappedDemoUser = DemoUser & { rucioAccount: string };

export const isMapped = (user: DemoUser): user is MappedDemoUser => user.rucioAccount !== null;

/** The demo users Rucio knows, i.e. the ones the devstack maps into Rucio. */
export const MAPPED_DEMO_USERS: readonly MappedDemoUser[] = DEMO_USERS.filter(isMapped);

/** The astronomer the test command's API fuzzer signs in as (not alice, whom e2e uses). */
export const FUZZ_USER: MappedDemoUser = (() => {
  const user = DEMO_USERS.find((u) => u.username === 'fuzzer');
  if (!user || !isMapped(user)) throw new Error('the fuzz user is missing or unmapped');
  return user;
})();

/** The demo user with this role; the astronomer and the admin are typed as mapped in Rucio. */
export function demoUser(role: Exclude<DemoUser['role'], 'unmapped'>): MappedDemoUser;
export function demoUser(role: DemoUser['role']): DemoUser;
export function demoUser(role: DemoUser['role']): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  if (role !== 'unmapped' && !isMapped(user)) throw new Error(`demo ${role} has no Rucio account`);
  return user;
}

/** Rucio's root userpass identity created by bootstrap (dev only). */
export const RUCIO_ROOT = {
  username: 'ddmlab',
  password: 'dev-root-secret',
  account: 'root',
} as const;
export * from './cli-token.ts';
export * from './geo.ts';
export * from './headless-login.ts';
export * from './storage.ts';
