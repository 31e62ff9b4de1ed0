/**
 * Tokens for the BFF itself (client_credentials), as a client of its own at the IdP: the links
 * client that reads the storage for signed download links. Discovery once, retried after a
 * failure; IAM reads `audience` at its token endpoint, so does the dev IdP.
 */
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { discoverClient } from './oidc-client.ts';
import { describeCause } from './oidc-errors.ts';

export interface IssuedToken {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

export type ServiceGrant = (params: { audience: string; scope: string }) => Promise<IssuedToken>;

export interface ClientCredentialsOptions {
  config: Pick<Config['oidc'], 'issuer' | 'allowInsecure'>;
  client: { clientId: string; clientSecret: string };
  logger: Logger;
  fetch?: typeof globalThis.fetch;
}

export function createClientCredentials(options: ClientCredentialsOptions): ServiceGrant {
  let discovered: Promise<oidc.Configuration> | undefined;
  const unavailable = (error: unknown): AppError => {
    options.logger.warn(
      { client: options.client.clientId, reason: describeCause(error) },
      'service token request failed',
    );
    return new AppError(
      503,
      'idp_unavailable',
      'A service token could not be obtained right now. Please try again shortly.',
      { cause: error },
    );
  };

  return async ({ audience, scope }) => {
    discovered ??= discoverClient(options, options.client).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    try {
      const tokens = await oidc.clientCredentialsGrant(await discovered, { audience, scope });
      return {
        accessToken: tokens.access_token,
        expiresAt: Date.now() + (tokens.expiresIn() ?? 300) * 1000,
      };
    } catch (error) {
      throw unavailable(error);
    }
  };
}
