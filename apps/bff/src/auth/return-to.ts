/**
 * Where to send the browser after sign-in. Only same-origin absolute paths are accepted: a
 * leading single `/`, no `//` or `/\` (browsers treat both as protocol-relative URLs to another
 * host), no backslashes or control characters anywhere, no scheme. Returns undefined if unsafe.
 */
export function safeReturnTo(value: unknown): string | undefined {
  if (value === undefined || value === '') return '/';
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  if (!value.startsWith('/') || value.startsWith('//')) return undefined;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  // Resolve against a dummy origin: anything that escapes it was not a local path.
  const url = new URL(value, 'http://portal.invalid');
  if (url.origin !== 'http://portal.invalid') return undefined;
  return url.pathname + url.search + url.hash;
}
