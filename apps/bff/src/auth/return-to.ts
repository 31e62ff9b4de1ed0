/**
 * Where to send the browser after sign-in: a path on this portal, judged after the URL parser has
 * normalised it (`/.//x`, `/a/..//x` and `/%2e//x` all become `//x`, which a browser reads as a
 * protocol-relative URL to host `x`). Backslashes and control characters are refused anywhere,
 * raw or percent-encoded, because browsers treat `\` like `/`. Returns undefined if unsafe.
 */
const DUMMY_ORIGIN = 'http://portal.invalid';
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN = /[\\\u0000-\u001f\u007f]|%5c|%[01][0-9a-f]|%7f/i;

export function safeReturnTo(value: unknown): string | undefined {
  if (value === undefined || value === '') return '/';
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  if (!value.startsWith('/') || FORBIDDEN.test(value)) return undefined;
  const url = URL.parse(value, DUMMY_ORIGIN);
  if (url?.origin !== DUMMY_ORIGIN) return undefined;
  const local = url.pathname + url.search + url.hash;
  // The normalised path must itself stay local when the browser resolves it.
  if (local.startsWith('//') || URL.parse(local, DUMMY_ORIGIN)?.origin !== DUMMY_ORIGIN)
    return undefined;
  return local;
}
