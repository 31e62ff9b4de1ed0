/**
 * Shapes JWT access tokens like INDIGO IAM's WLCG profile (WLCGProfileAccessTokenBuilder):
 * `nbf` = `iat`, `wlcg.ver` "1.0", and `wlcg.groups` (leading slash) only when a wlcg.groups
 * scope was granted, and a UUID `jti` like IAM's. The `audience` parameter is a space-separated
 * list, as IAM reads it (BaseAccessTokenBuilder splits it on spaces): `rucio urn:…:storage`
 * gives `aud: ["rucio", "urn:…:storage"]`, one token for Rucio and the storage (what
 * `rucio download` needs: it hands the storage its Rucio token). oidc-provider keeps one string
 * per resource server, so the list is made here. oidc-provider already sets iss, sub, aud, scope,
 * exp, iat, client_id. Replacing its nanoid jti is safe: oidc-provider never looks a JWT access
 * token up by value (introspection and revocation refuse structured tokens).
 */
import { randomUUID } from 'node:crypto';
import type { JWTStructured, KoaContextWithOIDC } from 'oidc-provider';
import { userBySub, wlcgGroups } from './accounts.ts';

interface TokenLike {
  accountId?: string | undefined;
  scope?: string | undefined;
}

export function wlcgJwtCustomizer(
  _ctx: KoaContextWithOIDC,
  token: TokenLike,
  jwt: JWTStructured,
): void {
  const { payload } = jwt;
  payload.jti = randomUUID();
  payload.nbf = payload.iat;
  payload['wlcg.ver'] = '1.0';
  if (typeof payload.aud === 'string' && payload.aud.includes(' '))
    payload.aud = payload.aud.split(' ').filter(Boolean);
  const user = token.accountId ? userBySub(token.accountId) : undefined;
  const groups = user ? wlcgGroups(user, token.scope) : undefined;
  if (groups) payload['wlcg.groups'] = groups;
}
