/**
 * oidc-provider configured as a local INDIGO IAM (WLCG profile). See AUTH.md §1, §4, §7a and the
 * README for the why of each setting.
 */
import Provider, { type Configuration, type JWKS } from 'oidc-provider';
import { z } from 'zod';
import devJwks from './keys/dev-jwks.json' with { type: 'json' };
import type { IdpConfig } from './config.ts';
import { findAccount } from './accounts.ts';
import { allowLoopbackForPortal, devClients } from './clients.ts';
import { logoutSource, postLogoutSuccessSource, renderError } from './logout-pages.ts';
import { issueRefreshToken, keepOfflineAccess } from './offline-access.ts';
import { createResourceIndicators, STATIC_SCOPES } from './resources.ts';
import { iamTokenParams } from './token-params.ts';
import { wlcgJwtCustomizer } from './wlcg-profile.ts';

const DAY = 24 * 3600;
const AUTHORIZATION_PATH = '/authorize';
const TOKEN_PATH = '/token';

/** IAM's endpoint paths (MITREid heritage), so URLs in logs and configs look familiar. */
const IAM_ROUTES = {
  authorization: AUTHORIZATION_PATH,
  token: TOKEN_PATH,
  jwks: '/jwk',
  introspection: '/introspect',
  revocation: '/revoke',
  userinfo: '/userinfo',
  end_session: '/session/end',
};

/** Dev-only, committed on purpose: fixed cookie keys keep IdP sessions valid across restarts. */
const DEV_COOKIE_KEYS = ['dev-idp-cookie-key-not-a-secret-1'];

const JwksSchema = z.object({
  keys: z.array(z.looseObject({ kty: z.string(), kid: z.string() })).min(1),
});

/** The committed signing key set (fixed so Rucio's 12 h key cache never goes stale). */
export const signingJwks = (): JWKS => JwksSchema.parse(devJwks);

export function buildConfiguration(config: IdpConfig): Configuration {
  return {
    clients: devClients(config.portalRedirectUris),
    jwks: signingJwks(),
    cookies: { keys: DEV_COOKIE_KEYS },
    findAccount,
    scopes: STATIC_SCOPES,
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      'wlcg.groups': ['wlcg.groups', 'groups'],
    },
    // The BFF reads the profile from the ID token (userinfo refuses audience-bound tokens).
    conformIdTokenClaims: false,
    extraParams: ['audience'],
    pkce: { required: () => true },
    rotateRefreshToken: true,
    issueRefreshToken,
    routes: IAM_ROUTES,
    ttl: {
      AccessToken: config.accessTokenTtl,
      ClientCredentials: config.accessTokenTtl,
      IdToken: 600,
      RefreshToken: 30 * DAY,
      Grant: 30 * DAY,
      Session: DAY,
      Interaction: 600,
      AuthorizationCode: 60,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      introspection: { enabled: true },
      revocation: { enabled: true },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: config.endSession, logoutSource, postLogoutSuccessSource },
      resourceIndicators: createResourceIndicators(config.accessTokenTtl),
    },
    formats: { customizers: { jwt: wlcgJwtCustomizer } },
    renderError,
  };
}

export function createProvider(config: IdpConfig): Provider {
  const provider = new Provider(config.issuer, buildConfiguration(config));
  allowLoopbackForPortal(provider);
  provider.use(keepOfflineAccess(AUTHORIZATION_PATH));
  provider.use(iamTokenParams(provider, TOKEN_PATH));
  return provider;
}
