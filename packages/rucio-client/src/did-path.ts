/**
 * REST path of a DID: `/dids/<scope>/<name>`.
 *
 * CTAO names are paths (`/ctao/acada/DL0/...`). Rucio's generic policy splits the path with
 * `/([^/]+)/(.*)` after the WSGI server has percent-decoded it, so the name is sent fully
 * URL-encoded: `%2Fctao%2F...` arrives as `/ctao/...` and keeps its leading slash. Sending the
 * slashes raw would lose the name's leading `/` (`/dids/acada/ctao/...` → name `ctao/...`).
 * Verified against the devstack Rucio (gunicorn) by scripts/record-fixtures.ts.
 */
export function didPath(scope: string, name: string): string {
  return scopedPath('dids', scope, name);
}

/**
 * `/<resource>/<scope>/<name>` for Rucio's other DID-addressed resources (`/replicas/<scope>/<name>/
 * datasets`), encoded and checked exactly as didPath.
 */
export function scopedPath(
  resource: 'dids' | 'replicas' | 'locks' | 'requests',
  scope: string,
  name: string,
): string {
  if (!scope || scope.includes('/') || isDotSegment(scope))
    throw new TypeError(`invalid Rucio scope: ${JSON.stringify(scope)}`);
  if (!name) throw new TypeError('a DID name must not be empty');
  // encodeURIComponent leaves dots alone, and a URL parser resolves `.`/`..` segments away.
  if (isDotSegment(name)) throw new TypeError(`invalid DID name: ${JSON.stringify(name)}`);
  // Rucio percent-decodes a DID path once more after its WSGI server did: on the devstack (gunicorn,
  // with and without the front) `/dids/acada/%2Fx%2541y` is looked up as `acada:/xAy`. A `%` in a
  // name would reach another DID (or a control character that breaks Rucio's answer), so none is
  // sent; no Rucio naming policy allows one.
  if (name.includes('%'))
    throw new TypeError(`a DID name with % cannot be addressed in Rucio: ${JSON.stringify(name)}`);
  return `/${resource}/${encodeURIComponent(scope)}/${encodeURIComponent(name)}`;
}

const isDotSegment = (segment: string): boolean => segment === '.' || segment === '..';
