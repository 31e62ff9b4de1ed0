import { z } from 'zod';
import type { SessionUser } from './session-data.ts';

const Claims = z
  .object({
    sub: z.string().min(1),
    iss: z.string().optional(),
    preferred_username: z.string().optional(),
    name: z.string().optional(),
    email: z.string().optional(),
    'wlcg.groups': z.array(z.string()).optional(),
    groups: z.array(z.string()).optional(),
  })
  .loose();

/** Payload of a JWT we received directly from the token endpoint (already trusted; not re-verified). */
function jwtPayload(token: string | undefined): Record<string, unknown> {
  const part = token?.split('.')[1];
  if (!part) return {};
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const groupsOf = (claims: z.infer<typeof Claims> | undefined): string[] | undefined =>
  claims?.['wlcg.groups'] ?? claims?.groups?.map((g) => (g.startsWith('/') ? g : `/${g}`));

/**
 * The user as the ID token describes them. IAM's WLCG profile may put `wlcg.groups` only into the
 * access token, so groups fall back to the access token's claims (same subject required).
 */
export function userFromClaims(
  idClaims: Record<string, unknown> | undefined,
  accessToken: string,
): SessionUser {
  const id = Claims.parse(idClaims);
  const access = Claims.safeParse(jwtPayload(accessToken));
  const accessClaims = access.success && access.data.sub === id.sub ? access.data : undefined;
  return {
    sub: id.sub,
    iss: id.iss,
    username: id.preferred_username ?? accessClaims?.preferred_username ?? id.sub,
    name: id.name ?? accessClaims?.name,
    email: id.email ?? accessClaims?.email,
    groups: groupsOf(id) ?? groupsOf(accessClaims) ?? [],
  };
}
