import type { DidRef } from '@/lib/did-url.ts';

// Moved to lib (My links names files too); kept here for the DID page's imports.
export { lastSegment } from '@/lib/did-url.ts';

/** `child` shown relative to `parent` when it lies below it by name, else whole. */
export function relativeName(child: string, parent: string | undefined): string {
  if (parent && child.startsWith(`${parent}/`)) return child.slice(parent.length + 1);
  return child;
}

export interface Crumb {
  label: string;
  /** The DID the crumb opens; none for the page itself. */
  did?: DidRef;
}

/**
 * The collections above a DID, by name: from the scope root that contains it (CTAO names are
 * paths, and BDMS attaches each DID to the container named by its parent path) down to the DID
 * itself, whose crumb is last and has no link. A DID under no root gets only its own crumb.
 */
export function didTrail(did: DidRef, roots: readonly string[]): Crumb[] {
  const root = roots
    .filter((r) => did.name === r || did.name.startsWith(`${r}/`))
    .sort((a, b) => b.length - a.length)[0];
  if (!root) return [{ label: did.name }];
  const crumbs: Crumb[] = [];
  const below = did.name.slice(root.length).split('/').filter(Boolean);
  let path = root;
  crumbs.push({ label: root, did: { scope: did.scope, name: root } });
  for (const segment of below) {
    path = `${path}/${segment}`;
    crumbs.push({ label: segment, did: { scope: did.scope, name: path } });
  }
  const last = crumbs.at(-1);
  if (last) delete last.did;
  return crumbs;
}

/** A shell word: left bare when it is only safe characters, else single-quoted. */
const shellWord = (s: string): string =>
  /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;

/** The `rucio` client command that fetches the DID. */
export const downloadCommand = ({ scope, name }: DidRef): string =>
  `rucio download ${shellWord(`${scope}:${name}`)}`;
