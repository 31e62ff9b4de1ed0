import type { DownloadLink } from '@/lib/api-contract-links.ts';
import { lastSegment, type DidRef } from '@/lib/did-url.ts';

export type LinkState = DownloadLink['state'];
export type LinkFilter = 'all' | LinkState;

export const LINK_FILTERS: readonly { value: LinkFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
];

/** `?state=` as the page's filter; anything else (or nothing) is all. */
export const parseLinkFilter = (value: string | null): LinkFilter =>
  LINK_FILTERS.find((f) => f.value === value)?.value ?? 'all';

export function countByState(links: readonly DownloadLink[]): Record<LinkFilter, number> {
  const counts = { all: links.length, active: 0, expired: 0, revoked: 0 };
  for (const l of links) counts[l.state] += 1;
  return counts;
}

export const withState = (links: readonly DownloadLink[], filter: LinkFilter) =>
  filter === 'all' ? links : links.filter((l) => l.state === filter);

/**
 * What a link gives. A file's link keeps the file's size; a script's one row (curl, wget and
 * Metalink scripts: one link for all their files) keeps none, and names the collection it covers,
 * or — for the basket's and a selection's scripts — a description under the scope `basket` or
 * `selection` that is no DID (apps/bff: links.routes.ts, basket-downloads.routes.ts).
 */
export type LinkTarget =
  | { kind: 'file'; did: DidRef }
  | { kind: 'collection'; did: DidRef }
  | { kind: 'selection'; label: string };

const NOT_DIDS = new Set(['basket', 'selection']);

export function linkTarget(link: DownloadLink): LinkTarget {
  const did = { scope: link.scope, name: link.name };
  if (link.bytes !== null || link.adler32 !== null) return { kind: 'file', did };
  return NOT_DIDS.has(link.scope)
    ? { kind: 'selection', label: link.name }
    : { kind: 'collection', did };
}

/**
 * How a row names what its link gives: a file by its last segment (CTAO file names carry the
 * observation), a collection whole (its last segment is often a bare date part: `03`).
 */
export function targetName(target: LinkTarget): string {
  if (target.kind === 'selection') return target.label;
  return target.kind === 'file' ? lastSegment(target.did.name) : target.did.name;
}

/** The link in a few words, for the names of its row's buttons. */
export function linkWords(link: DownloadLink): string {
  const target = linkTarget(link);
  return `${target.kind === 'file' ? 'the link to' : 'the script link for'} ${targetName(target)}`;
}
