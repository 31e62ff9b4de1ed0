/**
 * OidcPort on openid-client v6: discovery once (retried after a failure), code + PKCE S256 +
 * state + nonce, refresh, revocation, end-session only when advertised.
 */
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { OidcPort, TokenResult } from './oidc-port.ts';
import { classifyOidcError, describeCause } from './oidc-errors.ts';

export interface OidcClientOptions {
  config: Config['oidc'];
  logger: Logger;
  /** For tests that count token-endpoint calls against the real IdP. */
  fetch?: typeof globalThis.fetch;
  timeoutSeconds?: number;
}

type Tokens = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

function toResult(tokens: Tokens, previousRefreshToken?: string): TokenResult {
  const claims = tokens.claims();
  return {
    accessToken: tokens.access_token,
    // A server that does not rotate returns no refresh token: keep the one we have.
    refreshToken: tokens.refresh_token ?? previousRefreshToken,
    idToken: tokens.id_token,
    expiresAt: Date.now() + (tokens.expiresIn() ?? 300) * 1000,
    claims: claims ? { ...claims } : undefined,
  };
}

export const discoveryUrl = (issuer: string): URL =>
  new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : `${issuer}/`);

/** Discovery as one client (the portal's, or the links service client), secret-basic auth. */
export function discoverClient(
  options: Pick<OidcClientOptions, 'fetch' | 'timeoutSeconds'> & {
    config: Pick<Config['oidc'], 'issuer' | 'allowInsecure'>;
  },
  client: { clientId: string; clientSecret: string },
): Promise<oidc.Configuration> {
  return oidc.discovery(
    new URL(options.config.issuer),
    client.clientId,
    undefined,
    oidc.ClientSecretBasic(client.clientSecret),
    {
      // Deprecated only as a warning sign; config.ts refuses it in production.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      execute: options.config.allowInsecure ? [oidc.allowInsecureRequests] : [],
      timeout: options.timeoutSeconds ?? 5,
      ...(options.fetch ? { [oidc.customFetch]: options.fetch } : {}),
    },
  );
}

export function createOidcClient(options: OidcClientOptions): OidcPort {
  const { config, logger } = options;
  let discovered: Promise<oidc.Configuration> | undefined;

  function configuration(): Promise<oidc.Configuration> {
    discovered ??= discoverClient(options, config).catch((error: unknown) => {
      discovered = undefined; // the IdP may come up later: try again on the next call
      logger.warn({ reason: describeCause(error) }, 'OIDC discovery failed');
      throw new AppError(
        503,
        'idp_unavailable',
        'The sign-in service is not reachable right now. Please try again shortly.',
        { cause: error },
      );
    });
    return discovered;
  }

  return {
    async startLogin(redirectUri) {
      const cfg = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: redirectUri,
        scope: config.scopes,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        // IAM (and the dev IdP) put this into the access token's aud; Rucio requires it.
        audience: config.audience,
        // Off by default: IAM would show its approval page at every sign-in.
        ...(config.prompt ? { prompt: config.prompt } : {}),
      });
      return { url, state, nonce, codeVerifier };
    },

    async finishLogin(callbackUrl, checks) {
      const cfg = await configuration();
      try {
        const tokens = await oidc.authorizationCodeGrant(cfg, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        return toResult(tokens);
      } catch (error) {
        throw classifyOidcError(error, 'login');
      }
    },

    async refresh(refreshToken, narrower) {
      const cfg = await configuration();
      try {
        // IAM keeps every granted scope when none is asked for; a narrower one is a subset.
        const params = narrower ? { ...narrower } : { audience: config.audience };
        return toResult(await oidc.refreshTokenGrant(cfg, refreshToken, params), refreshToken);
      } catch (error) {
        throw classifyOidcError(error, 'refresh');
      }
    },

    async revoke(refreshToken) {
      try {
        await oidc.tokenRevocation(await configuration(), refreshToken, {
          token_type_hint: 'refresh_token',
        });
      } catch (error) {
        logger.warn(
          { reason: describeCause(error) },
          'refresh token revocation failed; the session ends anyway',
        );
      }
    },

    async endSessionUrl({ postLogoutRedirectUri }) {
      const cfg = await configuration();
      // Real IAM advertises no end_session_endpoint; buildEndSessionUrl would throw.
      if (!cfg.serverMetadata().end_session_endpoint) return undefined;
      const params: Record<string, string> = {
        post_logout_redirect_uri: postLogoutRedirectUri,
        client_id: config.clientId,
      };
      return oidc.buildEndSessionUrl(cfg, params);
    },

    async probe(signal) {
      const res = await (options.fetch ?? globalThis.fetch)(discoveryUrl(config.issuer), {
        signal,
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`discovery answered ${res.status}`);
      const body = (await res.json()) as { issuer?: unknown };
      if (typeof body.issuer !== 'string') throw new Error('discovery document has no issuer');
      return body.issuer;
    },
  };
}
