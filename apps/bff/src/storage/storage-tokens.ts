/**
 * Bearer tokens for reading the storage, as CTAO's storage wants them (WLCG profile): `aud` the
 * storage's audience, `scope` holding `storage.read:<path prefix>` (relative to each RSE's base).
 *
 * - forUser: the signed-in user's own, by a refresh narrowed to that audience and scope (IAM
 *   grants a subset of the login's grant; the login asks for `storage.read:/`). The refresh goes
 *   through the session's refresher, one redemption at a time, and the rotated refresh token is
 *   stored at once: redeeming a rotated one twice revokes the grant.
 * - forService: the links client's (client_credentials), for signed download links, which are
 *   used without a session and never carry a token.
 *
 * Both are cached until TOKEN_MARGIN_MS before they expire (per user and prefix; per prefix), one
 * IdP request per key at a time. Tokens never leave the server.
 */
import type { Request } from 'express';
import type { Logger } from 'pino';
import {
  createClientCredentials,
  type IssuedToken,
  type ServiceGrant,
} from '../auth/client-credentials.ts';
import { signedIn } from '../auth/require-session.ts';
import type { TokenRefresher } from '../auth/token-refresher.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { readPathCovers, storagePath, type StorageTokenConfig } from './storage-config.ts';
import { createTokenCache, type TokenCacheOptions } from './token-cache.ts';

export interface StorageTokensDeps {
  config: StorageTokenConfig;
  refresher: Pick<TokenRefresher, 'narrowerToken'>;
  /** The links client's grant; undefined when no LINKS_CLIENT_ID is configured. */
  serviceGrant?: ServiceGrant | undefined;
  cache?: TokenCacheOptions;
}

export interface StorageTokens {
  /** A token for this request's user reading below `prefix` (default STORAGE_TOKEN_SCOPE_PREFIX). */
  forUser(req: Request, prefix?: string): Promise<string>;
  /** The links client's token for reading below `prefix`; 503 when no links client is configured. */
  forService(prefix?: string): Promise<string>;
}

export function createStorageTokens(deps: StorageTokensDeps): StorageTokens {
  const { audience, scopePrefix } = deps.config;
  const users = createTokenCache(deps.cache);
  const service = createTokenCache(deps.cache);

  /** `storage.read:<prefix>`, for a prefix at or below the configured one. */
  function readScope(prefix: string | undefined): string {
    const path = prefix ?? scopePrefix;
    if (!storagePath.safeParse(path).success || !readPathCovers(scopePrefix, path))
      throw new AppError(500, 'internal', `no storage token for ${path}: not below ${scopePrefix}`);
    return `storage.read:${path}`;
  }

  return {
    async forUser(req, prefix) {
      const scope = readScope(prefix);
      const { user } = signedIn(req);
      // A user's token is the same whichever of their sessions asks: keyed by issuer and sub.
      const key = JSON.stringify([user.iss ?? '', user.sub, scope]);
      return users.get(key, async (): Promise<IssuedToken> => {
        const fresh = await deps.refresher.narrowerToken(req, { audience, scope });
        return { accessToken: fresh.accessToken, expiresAt: fresh.expiresAt };
      });
    },

    async forService(prefix) {
      const scope = readScope(prefix);
      const grant = deps.serviceGrant;
      if (!grant)
        throw new AppError(
          503,
          'storage_unavailable',
          'Download links are not configured on this portal (no LINKS_CLIENT_ID).',
        );
      return service.get(scope, () => grant({ audience, scope }));
    },
  };
}

/**
 * The storage tokens a configuration gives. `refresher` must be the one the Rucio calls use, so
 * that every redemption of a session's refresh token goes through one lane.
 */
export function storageTokensFor(
  config: Pick<Config, 'oidc' | 'storage'>,
  refresher: Pick<TokenRefresher, 'narrowerToken'>,
  logger: Logger,
  fetch?: typeof globalThis.fetch,
): StorageTokens {
  const links = config.storage.linksClient;
  const serviceGrant = links
    ? createClientCredentials({ config: config.oidc, client: links, logger, fetch })
    : undefined;
  return createStorageTokens({ config: config.storage, refresher, serviceGrant });
}
