/**
 * WLCG storage scopes as IAM matches them: `storage.<op>:<path>` covers the same operation on any
 * path below it, by whole segments (`/ctao` covers `/ctao/acada`, not `/ctaox`); `modify`
 * includes `create` (WLCG profile §3.2). Used for what a refresh may narrow to and for the
 * paths a client is allowed at all.
 */
import { DEV_CLIENTS, LINKS_READ_SCOPE } from '@bdms/dev-fixtures';

const STORAGE = /^storage\.(read|create|modify|stage):(\/\S*)$/;

const segments = (path: string): string[] => path.split('/').filter(Boolean);

/** True when holding `granted` implies `requested` (equal, or a storage scope on a sub-path). */
export function covers(granted: string, requested: string): boolean {
  if (granted === requested) return true;
  const g = STORAGE.exec(granted);
  const r = STORAGE.exec(requested);
  if (!g?.[1] || !g[2] || !r?.[1] || !r[2]) return false;
  const sameOperation = g[1] === r[1] || (g[1] === 'modify' && r[1] === 'create');
  const [held, asked] = [segments(g[2]), segments(r[2])];
  if (asked.some((s) => s === '.' || s === '..')) return false;
  return sameOperation && held.every((s, i) => asked[i] === s);
}

export const coveredBy = (granted: Iterable<string>, requested: string): boolean =>
  [...granted].some((g) => covers(g, requested));

/**
 * Clients limited to some parametric scopes (IAM: the client's allowed scopes, matched by path).
 * Unlisted clients may ask for any: the portal (its users' grants decide) and Rucio (it asks
 * for storage scopes per transfer, like Rucio with a real IAM).
 */
const PARAMETRIC_ALLOWED: Record<string, readonly string[]> = {
  [DEV_CLIENTS.links.clientId]: [LINKS_READ_SCOPE],
};

export function clientMayHave(clientId: string | undefined, scope: string): boolean {
  const allowed = clientId === undefined ? undefined : PARAMETRIC_ALLOWED[clientId];
  return allowed === undefined || coveredBy(allowed, scope);
}
