/**
 * Every query key in the SPA, hierarchical so that invalidating a prefix refreshes a whole area
 * (e.g. `queryKeys.scopes.all` after a scope is added). One place, because cross-area
 * invalidation (session expiry, Rucio recovery) must not make features import each other.
 */
export const queryKeys = {
  session: {
    all: ['session'] as const,
    me: () => [...queryKeys.session.all, 'me'] as const,
  },
  health: {
    all: ['health'] as const,
  },
  scopes: {
    all: ['scopes'] as const,
    list: () => [...queryKeys.scopes.all, 'list'] as const,
  },
};
