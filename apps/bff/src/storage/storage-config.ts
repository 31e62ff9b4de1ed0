/**
 * The storage-token settings of the BFF's environment (read by config.ts, the only reader of
 * process.env): the storage's audience, the path the portal reads below, and the optional
 * service client that signed download links use.
 */
import { z } from 'zod';

const WLCG_ANY_AUDIENCE = 'https://wlcg.cern.ch/jwt/v1/any';

/** `/ctao`, `/ctao/dpps`: absolute, no empty, `.` or `..` segments, no trailing slash, no spaces. */
export const storagePath = z
  .string()
  .regex(/^(\/[^\s/]+)+$|^\/$/, 'must be an absolute path like /ctao (no trailing slash)')
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'must not contain . or ..');

/** Unset or empty (compose passes `${VAR:-}` as ''): undefined. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

export const storageEnvShape = {
  /** The `aud` the storage accepts (IAM: the `audience` asked for at the token endpoint). */
  STORAGE_AUDIENCE: z.string().trim().min(1).default(WLCG_ANY_AUDIENCE),
  /** Storage tokens grant `storage.read:<this>`: the path (below each RSE's base) users read. */
  STORAGE_TOKEN_SCOPE_PREFIX: storagePath.default('/ctao'),
  /** The service client for signed download links (client_credentials); both or neither. */
  LINKS_CLIENT_ID: optionalText,
  LINKS_CLIENT_SECRET: optionalText,
};

type StorageEnv = z.infer<z.ZodObject<typeof storageEnvShape>>;

export interface StorageTokenConfig {
  audience: string;
  /** e.g. `/ctao`: the default path prefix of `storage.read:` in storage tokens. */
  scopePrefix: string;
  /** The links client's credentials; null: no service tokens (signed links unavailable). */
  linksClient: { clientId: string; clientSecret: string } | null;
}

const segments = (path: string): string[] => path.split('/').filter(Boolean);

/** True when `storage.read:<granted>` covers `path` (whole segments, like IAM and the storage). */
export const readPathCovers = (granted: string, path: string): boolean => {
  const [held, asked] = [segments(granted), segments(path)];
  return held.every((s, i) => asked[i] === s);
};

/** Cross-field problems: a refresh can only narrow what the login granted (AUTH.md §1). */
export function storageProblems(e: StorageEnv & { OIDC_SCOPES: string }): string[] {
  const problems: string[] = [];
  if (!e.LINKS_CLIENT_ID !== !e.LINKS_CLIENT_SECRET)
    problems.push('LINKS_CLIENT_ID / LINKS_CLIENT_SECRET: set both or neither');
  const granted = e.OIDC_SCOPES.split(/\s+/)
    .filter((s) => s.startsWith('storage.read:/'))
    .map((s) => s.slice('storage.read:'.length));
  if (!granted.some((g) => readPathCovers(g, e.STORAGE_TOKEN_SCOPE_PREFIX)))
    problems.push(
      `OIDC_SCOPES: must include storage.read:/ (or a path above STORAGE_TOKEN_SCOPE_PREFIX ${e.STORAGE_TOKEN_SCOPE_PREFIX}): storage tokens are a narrower refresh of the login's grant`,
    );
  return problems;
}

export function storageTokenConfig(e: StorageEnv): StorageTokenConfig {
  return {
    audience: e.STORAGE_AUDIENCE,
    scopePrefix: e.STORAGE_TOKEN_SCOPE_PREFIX,
    linksClient:
      e.LINKS_CLIENT_ID && e.LINKS_CLIENT_SECRET
        ? { clientId: e.LINKS_CLIENT_ID, clientSecret: e.LINKS_CLIENT_SECRET }
        : null,
  };
}
