import type { ScopeList } from '@bdms/contract';
import type { ReferenceCache } from '../lib/reference-cache.ts';
import type { RucioPort } from '../rucio-port.ts';

export interface ScopesDeps {
  rucio: Pick<RucioPort, 'listScopes'>;
  cache: ReferenceCache;
}

export function createScopesService(deps: ScopesDeps) {
  return {
    /**
     * Scopes as Rucio lists them with the user's own token, sorted (code-unit order: stable
     * everywhere). Cached per user: Rucio's list is the same for everyone, but only a user whose
     * token Rucio accepted may see it.
     */
    list(userSub: string, token: string): Promise<ScopeList> {
      return deps.cache.get(`scopes|${userSub}`, async () => {
        const scopes = await deps.rucio.listScopes({ token });
        return { scopes: [...scopes].sort() };
      });
    },
  };
}

export type ScopesService = ReturnType<typeof createScopesService>;
