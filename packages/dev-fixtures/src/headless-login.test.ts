// Pure parts of headlessLogin; the full flow runs against the real dev IdP in apps/dev-idp/test.
import { describe, expect, it } from 'vitest';
import { CookieJar, findLoginForm } from './headless-login.ts';

describe('CookieJar', () => {
  it('keeps cookies per origin and sends them as one header', () => {
    const jar = new CookieJar();
    jar.store('http://127.0.0.1:4400/authorize', [
      '_session=abc; path=/; httponly',
      '_session.sig=xyz; path=/',
    ]);
    jar.store('http://localhost:8080/auth/callback', [
      '__Host-bff=s1; Path=/; HttpOnly; SameSite=Strict',
    ]);
    expect(jar.header('http://127.0.0.1:4400/interaction/1')).toBe(
      '_session=abc; _session.sig=xyz',
    );
    expect(jar.cookies('http://localhost:8080/')).toEqual({ '__Host-bff': 's1' });
    expect(jar.header('http://127.0.0.1:8080/')).toBe('');
  });

  it('forgets cookies that are cleared with an old Expires or Max-Age=0', () => {
    const jar = new CookieJar();
    jar.store('http://idp.test/', ['a=1', 'b=2', 'c=3']);
    jar.store('http://idp.test/', [
      'a=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT',
      'b=; Max-Age=0',
      'c=4',
    ]);
    expect(jar.cookies('http://idp.test/x')).toEqual({ c: '4' });
  });

  it('keeps values containing "="', () => {
    const jar = new CookieJar();
    jar.store('http://idp.test/', ['t=a=b==; Path=/']);
    expect(jar.cookies('http://idp.test/')).toEqual({ t: 'a=b==' });
  });
});

describe('findLoginForm', () => {
  const page = `<form method="post" action="/search"><input name="q"></form>
<form method="post" action="/interaction/u1/login?x=1&amp;y=2">
<input type="hidden" name="xsrf" value="t&quot;k">
<label for="username">Username</label><input id="username" name="username" type="text" value="">
<input id="password" name="password" type="password" required>
<button type="submit">Sign in</button></form>`;

  it('picks the form with a password field, resolves its action and keeps hidden fields', () => {
    const form = findLoginForm(page, 'http://127.0.0.1:4400/interaction/u1');
    expect(form?.action).toBe('http://127.0.0.1:4400/interaction/u1/login?x=1&y=2');
    expect(Object.fromEntries(form!.fields)).toEqual({ xsrf: 't"k' });
  });

  it('returns undefined for pages without a password form', () => {
    expect(
      findLoginForm('<form action="/a"><input name="q"></form>', 'http://x.test/'),
    ).toBeUndefined();
  });
});
