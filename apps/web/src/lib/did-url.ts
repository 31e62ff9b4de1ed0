/**
 * The one place that turns scopes and DID names into SPA paths and back. CTAO names are
 * `/ctao/...` paths, so a name is always ONE encoded path segment (`%2Fctao%2F...`): splitting
 * it over several segments would give `//` and ambiguous routes. react-router decodes the
 * segment back (including `%2F`) in `useParams`.
 */

export interface DidRef {
  scope: string;
  name: string;
}

/**
 * One path segment. `.` and `..` cannot be carried (URLs resolve them, and even `%2E%2E`,
 * away); Rucio's scope and name schemas never produce them.
 */
export function encodeSegment(value: string): string {
  if (value === '' || /^\.{1,2}$/.test(value))
    throw new Error(`Not addressable in a URL: "${value}"`);
  return encodeURIComponent(value);
}

export const scopePath = (scope: string): string => `/scopes/${encodeSegment(scope)}`;

export const didPath = ({ scope, name }: DidRef): string =>
  `/dids/${encodeSegment(scope)}/${encodeSegment(name)}`;

/** The BFF's URL of a file's bytes (a plain link: the browser sends the session cookie). */
export const downloadUrl = ({ scope, name }: DidRef): string =>
  `/api/dids/${encodeSegment(scope)}/${encodeSegment(name)}/download`;

/** The BFF's URL of a ZIP of a DID's files. */
export const bundleUrl = ({ scope, name }: DidRef): string =>
  `/api/dids/${encodeSegment(scope)}/${encodeSegment(name)}/bundle`;

/** Rucio's own textual form, for display and copy: `scope:name`. */
export const didString = ({ scope, name }: DidRef): string => `${scope}:${name}`;

/** `/ctao/acada/DL0` → `DL0`; a name without slashes is its own last segment. */
export function lastSegment(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  const segment = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return segment || name;
}

/** Route params → DidRef, or null when the URL is incomplete. */
export function didFromParams(params: Record<string, string | undefined>): DidRef | null {
  const { scope, name } = params;
  return scope && name ? { scope, name } : null;
}
