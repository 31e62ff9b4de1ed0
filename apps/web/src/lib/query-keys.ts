/**
 * Every query key in the SPA, hierarchical so that invalidating a prefix refreshes a whole area
 * (e.g. `queryKeys.scopes.all` after a scope is added). One place, because cross-area
 * invalidation (session expiry, Rucio recovery) must not make features import each other.
 */
export const queryKeys = {
  session: {
    all: ['session'] as const,
    me: () => [...queryKeys.session.all, 'me'] as const,
    accounts: () => [...queryKeys.session.all, 'accounts'] as const,
  },
  health: {
    all: ['health'] as const,
  },
  /** The deployment's settings (GET /api/settings): the same for every user and account. */
  settings: {
    all: ['settings'] as const,
  },
  scopes: {
    all: ['scopes'] as const,
    list: () => [...queryKeys.scopes.all, 'list'] as const,
    roots: (scope: string) => [...queryKeys.scopes.all, 'roots', scope] as const,
  },
  search: {
    all: ['search'] as const,
    results: (q: string) => [...queryKeys.search.all, 'results', q] as const,
    saved: () => [...queryKeys.search.all, 'saved'] as const,
  },
  /** One family per DID, so everything shown about a DID can be refreshed together. */
  dids: {
    all: ['dids'] as const,
    one: (did: { scope: string; name: string }) =>
      [...queryKeys.dids.all, did.scope, did.name] as const,
    info: (did: { scope: string; name: string }) => [...queryKeys.dids.one(did), 'info'] as const,
    contents: (did: { scope: string; name: string }) =>
      [...queryKeys.dids.one(did), 'contents'] as const,
    parents: (did: { scope: string; name: string }) =>
      [...queryKeys.dids.one(did), 'parents'] as const,
    rules: (did: { scope: string; name: string }) => [...queryKeys.dids.one(did), 'rules'] as const,
    replicas: (did: { scope: string; name: string }) =>
      [...queryKeys.dids.one(did), 'replicas'] as const,
    locks: (did: { scope: string; name: string }) => [...queryKeys.dids.one(did), 'locks'] as const,
    /** Where its files are (disk / tape) and the progress of staging them. */
    staging: (did: { scope: string; name: string }) =>
      [...queryKeys.dids.one(did), 'staging'] as const,
  },
  transfers: {
    all: ['transfers'] as const,
  },
  /** The user's download basket: its items with Rucio's figures, and the count in the nav. */
  basket: {
    all: ['basket'] as const,
    items: () => [...queryKeys.basket.all, 'items'] as const,
    count: () => [...queryKeys.basket.all, 'count'] as const,
  },
  rses: {
    all: ['rses'] as const,
    list: () => [...queryKeys.rses.all, 'list'] as const,
    one: (rse: string) => [...queryKeys.rses.all, 'one', rse] as const,
  },
  rules: {
    all: ['rules'] as const,
    list: (filter: { account?: string; state?: string }) =>
      [...queryKeys.rules.all, 'list', filter] as const,
    one: (id: string) => [...queryKeys.rules.all, 'one', id] as const,
    transfers: (id: string) => [...queryKeys.rules.one(id), 'transfers'] as const,
  },
};

/**
 * Whether a query's answer depends on the Rucio account the portal acts as: every one but
 * health, since the BFF asks Rucio as that account. Refreshed when the user switches accounts;
 * a new area is covered without being listed.
 */
export const dependsOnAccount = (queryKey: readonly unknown[]): boolean =>
  queryKey[0] !== queryKeys.health.all[0];
