/**
 * The signed part of a download link: a JWT (jose, HS256 with the BFF's link key) naming the
 * link's row, the DID and the issuing user, expiring with the link. The URL carries it; nothing
 * in it grants storage access (the BFF fetches the bytes with its own service credential).
 */
import { subtle } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type CryptoKey } from 'jose';

const ISSUER = 'bdms-portal/download-link';

/** One file of a script's link (the row names the collection; each file's URL names its file). */
export interface LinkFileClaim {
  scope: string;
  name: string;
  bytes: number | null;
  adler32: string | null;
  md5: string | null;
  sources: { url: string; rse: string; tape: boolean }[];
}

export interface LinkClaims {
  id: string;
  scope: string;
  name: string;
  sub: string;
  expiresAt: Date;
  /** Script links: the file this URL serves, signed with the rest (so it cannot be swapped). */
  file?: LinkFileClaim | undefined;
}

const isFileClaim = (v: unknown): v is LinkFileClaim => {
  const f = v as Partial<LinkFileClaim> | null;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.scope === 'string' &&
    typeof f.name === 'string' &&
    Array.isArray(f.sources)
  );
};

/** The BFF's link key, made once (see linkKey). */
export type LinkKey = Promise<CryptoKey>;

/**
 * The link key as a WebCrypto HMAC key, imported once. Given the secret's bytes, jose imports a
 * key for every token it signs or checks: the 100 000 links of one script made 90 MB of
 * short-lived key objects (the bench's heap sampling), most of it kept past the young
 * generation's collections.
 */
export function linkKey(secret: string): LinkKey {
  const key = subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  key.catch(() => undefined); // awaited by every use, which sees the error
  return key;
}

export async function signLink(key: LinkKey, claims: LinkClaims): Promise<string> {
  const file = claims.file ? { file: claims.file } : {};
  return new SignJWT({ scope: claims.scope, name: claims.name, ...file })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setJti(claims.id)
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(await key);
}

export type LinkCheck =
  { ok: true; claims: LinkClaims } | { ok: false; reason: 'expired' | 'invalid' };

/**
 * Base64url parts written as they would be encoded: a changed last character can leave the
 * decoded bytes as they were (its low bits are padding), and must fail the link all the same.
 */
const canonical = (token: string): boolean =>
  token.split('.').every((part) => Buffer.from(part, 'base64url').toString('base64url') === part);

/** A link's token checked: signature (any character changed fails it), issuer, and expiry. */
export async function verifyLink(key: LinkKey, token: string): Promise<LinkCheck> {
  if (!canonical(token)) return { ok: false, reason: 'invalid' };
  const secret = await key;
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    const { jti, sub, exp, scope, name, file } = payload;
    if (!jti || !sub || !exp || typeof scope !== 'string' || typeof name !== 'string')
      return { ok: false, reason: 'invalid' };
    if (file !== undefined && !isFileClaim(file)) return { ok: false, reason: 'invalid' };
    const claims = { id: jti, sub, scope, name, expiresAt: new Date(exp * 1000) };
    return { ok: true, claims: file ? { ...claims, file } : claims };
  } catch (err) {
    return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
