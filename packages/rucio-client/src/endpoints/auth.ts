import { RucioPayloadError } from '../errors.ts';
import type { Transport } from '../transport.ts';

export interface UserpassCredentials {
  username: string;
  password: string;
  account?: string;
}

export interface RucioToken {
  token: string;
  account: string | undefined;
  /** RFC 1123, as Rucio sends it */
  expires: string | undefined;
}

/**
 * GET /auth/userpass. Used by tools and tests (root), never by the portal's users, who bring a
 * JWT. No `Accept: application/json`: Rucio answers that with 406.
 */
export const authUserpass =
  (t: Transport) =>
  async (credentials: UserpassCredentials & { signal?: AbortSignal }): Promise<RucioToken> => {
    const path = '/auth/userpass';
    const headers: Record<string, string> = {
      'X-Rucio-Username': credentials.username,
      'X-Rucio-Password': credentials.password,
    };
    if (credentials.account) headers['X-Rucio-Account'] = credentials.account;
    const { response, done } = await t.send(path, {
      headers,
      signal: credentials.signal,
      accept: 'application/octet-stream',
    });
    try {
      await response.discard();
      const token = response.header('x-rucio-auth-token');
      if (!token) throw new RucioPayloadError(path, 'no X-Rucio-Auth-Token header');
      return {
        token,
        account: response.header('x-rucio-auth-account') ?? undefined,
        expires: response.header('x-rucio-auth-token-expires') ?? undefined,
      };
    } finally {
      done();
    }
  };
