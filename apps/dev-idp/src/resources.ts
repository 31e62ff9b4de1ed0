/**
 * Resource indicators → IAM's `aud`. IAM takes any string in the `audience` parameter; oidc-provider
 * only knows RFC 8707 `resource` (an absolute URI). So `audience=rucio` becomes the resource
 * indicator `urn:x-aud:rucio`, and getResourceServerInfo maps it back to `aud: "rucio"`.
 * Without an audience, the token gets IAM's default `https://wlcg.cern.ch/jwt/v1/any`.
 */
import type { Client, KoaContextWithOIDC, ResourceServer } from 'oidc-provider';
import { clientMayHave } from './wlcg-scopes.ts';

export const ANY_AUDIENCE = 'https://wlcg.cern.ch/jwt/v1/any';
const AUD_URN = 'urn:x-aud:';

/** Scopes defined for every resource server (IAM lists all of these in `scope`). */
export const STATIC_SCOPES = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'wlcg',
  'wlcg.groups',
];

/** Parametric WLCG scopes (storage paths, compute, optional groups) a token may carry. */
const PARAMETRIC =
  /^(storage\.(read|create|modify|stage):\/\S*|compute\.(read|modify|create|cancel)|wlcg\.groups:\/[\w./-]+)$/;

export const audienceIndicator = (audience: string): string =>
  AUD_URN + encodeURIComponent(audience);

export const audienceOf = (indicator: string): string =>
  indicator.startsWith(AUD_URN) ? decodeURIComponent(indicator.slice(AUD_URN.length)) : indicator;

const asString = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * Parametric scopes seen in this request, or — at the token endpoint, where the request may carry
 * no scope — in the code or refresh token being exchanged. Without the second source they would
 * silently vanish from refreshed tokens (AUTH.md §4 pitfall). Those the client may not have are
 * left out, so its tokens never carry them.
 */
function parametricScopes(ctx: KoaContextWithOIDC, client: Client | undefined): string[] {
  const entities = ctx.oidc.entities;
  const source = entities.RefreshToken ?? entities.AuthorizationCode;
  const scope = asString(ctx.oidc.params?.scope) ?? source?.scope ?? '';
  return scope.split(' ').filter((s) => PARAMETRIC.test(s) && clientMayHave(client?.clientId, s));
}

export function createResourceIndicators(accessTokenTtl: number) {
  return {
    enabled: true,
    defaultResource: (ctx: KoaContextWithOIDC, _client: unknown, oneOf?: readonly string[]) => {
      if (oneOf?.length) return oneOf[0];
      const audience = asString(ctx.oidc.params?.audience);
      return audience ? audienceIndicator(audience) : ANY_AUDIENCE;
    },
    // The code/refresh exchange keeps the audience granted at the authorization endpoint.
    useGrantedResource: () => true,
    getResourceServerInfo: (
      ctx: KoaContextWithOIDC,
      indicator: string,
      client?: Client,
    ): ResourceServer => ({
      scope: [...STATIC_SCOPES, ...parametricScopes(ctx, client)].join(' '),
      audience: audienceOf(indicator),
      accessTokenTTL: accessTokenTtl,
      accessTokenFormat: 'jwt',
      jwt: { sign: { alg: 'RS256' } },
    }),
  };
}
