import type { ScopeList } from '@bdms/contract';
import type { RucioPort } from '../rucio-port.ts';

export function createScopesService(deps: { rucio: Pick<RucioPort, 'listScopes'> }) {
  return {
    /** Scopes as Rucio lists them with the user's own token, sorted (code-unit order: stable everywhere). */
    async list(token: string): Promise<ScopeList> {
      const scopes = await deps.rucio.listScopes(token);
      return { scopes: [...scopes].sort() };
    },
  };
}

export type ScopesService = ReturnType<typeof createScopesService>;
