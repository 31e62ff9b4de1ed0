import { ScopeNamesDto } from '../schemas.ts';
import type { Transport } from '../transport.ts';

/** GET /scopes/: every scope name (Rucio does not filter by account here). */
export const listScopes =
  (t: Transport) =>
  (token: string, signal?: AbortSignal): Promise<string[]> =>
    t.getJson('/scopes/', ScopeNamesDto, { token, signal });
