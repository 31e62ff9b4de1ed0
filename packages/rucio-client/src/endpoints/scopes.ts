import { ScopeNamesDto } from '../schemas.ts';
import type { AuthOptions, Transport } from '../transport.ts';

/** GET /scopes/: every scope name (Rucio does not filter by account here). */
export const listScopes =
  (t: Transport) =>
  (auth: AuthOptions): Promise<string[]> =>
    t.json('/scopes/', ScopeNamesDto, auth);
