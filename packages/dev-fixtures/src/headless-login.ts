/**
 * Logs a demo user in without a browser: follows redirects from `startUrl` (the BFF's
 * /auth/login or an IdP authorize URL) with Node's fetch and a small per-origin cookie jar,
 * fills the dev IdP's sign-in form, and stops at the first redirect to a URL starting with
 * `stopAt` (or, with `followToEnd`, follows through to the final page). Dev and test use only.
 */

export interface HeadlessLoginOptions {
  startUrl: string;
  username: string;
  password: string;
  /** Stop when a redirect points to a URL starting with this (e.g. the BFF's callback URL). */
  stopAt?: string | undefined;
  /** Keep following past `stopAt` until a non-redirect response (e.g. to collect the BFF session cookie). */
  followToEnd?: boolean | undefined;
  maxSteps?: number | undefined;
}

export interface HeadlessLoginResult {
  /** The redirect target that matched `stopAt`, or the final URL with `followToEnd`. */
  url: string;
  /** Status of the last response (a 3xx when stopped at `stopAt`). */
  status: number;
  /** Cookies the jar holds for the `stopAt` origin (else the final URL's origin). */
  cookies: Record<string, string>;
  /** The same cookies as a ready-to-send `Cookie` header value. */
  cookieHeader: string;
  jar: CookieJar;
}

export class HeadlessLoginError extends Error {
  override name = 'HeadlessLoginError';
}

/** Cookies by origin; paths and domains are ignored on purpose (enough for one login flow). */
export class CookieJar {
  readonly #byOrigin = new Map<string, Map<string, string>>();

  store(url: string, setCookies: readonly string[]): void {
    const origin = new URL(url).origin;
    const cookies = this.#byOrigin.get(origin) ?? new Map<string, string>();
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      if (isExpired(attributes)) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1).trim());
    }
    this.#byOrigin.set(origin, cookies);
  }

  cookies(url: string): Record<string, string> {
    return Object.fromEntries(this.#byOrigin.get(new URL(url).origin) ?? []);
  }

  header(url: string): string {
    return Object.entries(this.cookies(url))
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }
}

function isExpired(attributes: readonly string[]): boolean {
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=').map((s) => s.trim());
    if (key.toLowerCase() === 'max-age' && Number(value) <= 0) return true;
    if (key.toLowerCase() === 'expires' && Date.parse(value) <= Date.now()) return true;
  }
  return false;
}

const decodeEntities = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
};

interface LoginForm {
  action: string;
  fields: URLSearchParams;
}

/** Finds a form with a password field and returns its action and hidden fields, if any. */
export function findLoginForm(html: string, pageUrl: string): LoginForm | undefined {
  for (const [form, open = ''] of html.matchAll(/(<form\b[^>]*>)[\s\S]*?<\/form>/gi)) {
    if (!/<input\b[^>]*type="password"/i.test(form)) continue;
    const fields = new URLSearchParams();
    for (const [input] of form.matchAll(/<input\b[^>]*>/gi)) {
      const name = attr(input, 'name');
      if (name && attr(input, 'type') === 'hidden') fields.set(name, attr(input, 'value') ?? '');
    }
    return { action: new URL(attr(open, 'action') ?? pageUrl, pageUrl).href, fields };
  }
  return undefined;
}

const alertText = (html: string): string | undefined =>
  /role="alert"[^>]*>([^<]*)</i.exec(html)?.[1]?.trim();

interface Step {
  url: string;
  method: 'GET' | 'POST';
  body?: URLSearchParams;
}

export async function headlessLogin(options: HeadlessLoginOptions): Promise<HeadlessLoginResult> {
  const { startUrl, username, password, stopAt, followToEnd = false, maxSteps = 30 } = options;
  const jar = new CookieJar();
  const result = (url: string, status: number): HeadlessLoginResult => {
    const cookieOrigin = stopAt ?? url;
    return {
      url,
      status,
      cookies: jar.cookies(cookieOrigin),
      cookieHeader: jar.header(cookieOrigin),
      jar,
    };
  };
  let step: Step = { url: startUrl, method: 'GET' };
  let submitted = false;

  for (let i = 0; i < maxSteps; i += 1) {
    const res = await fetch(step.url, {
      method: step.method,
      redirect: 'manual',
      headers: { cookie: jar.header(step.url), accept: 'text/html' },
      ...(step.body ? { body: step.body } : {}),
    });
    jar.store(step.url, res.headers.getSetCookie());
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      const next = new URL(location, step.url).href;
      if (stopAt && next.startsWith(stopAt) && !followToEnd) return result(next, res.status);
      step = { url: next, method: 'GET' };
      continue;
    }
    const html = await res.text();
    const form = findLoginForm(html, step.url);
    if (!form) {
      if (followToEnd || !stopAt) return result(step.url, res.status);
      throw new HeadlessLoginError(
        `login ended at ${step.url} (HTTP ${res.status}) before reaching ${stopAt}`,
      );
    }
    if (submitted) {
      throw new HeadlessLoginError(
        `sign-in rejected: ${alertText(html) ?? 'login form shown again'}`,
      );
    }
    submitted = true;
    form.fields.set('username', username);
    form.fields.set('password', password);
    step = { url: form.action, method: 'POST', body: form.fields };
  }
  throw new HeadlessLoginError(`gave up after ${maxSteps} steps`);
}
