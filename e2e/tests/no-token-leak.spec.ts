import { expect, test } from '@playwright/test';
import { demoUser } from '@bdms/dev-fixtures';
import { signIn } from '../support/login.ts';

/** A JWT (header.payload.signature, base64url) anywhere the page could read it is a leak. */
const JWT = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/;

test('no token is readable from the page: cookies visible to JS, storage, or any response', async ({
  page,
  context,
}) => {
  // Every response the browser receives, from the portal and from the IdP alike.
  const seen: { url: string; text: string }[] = [];
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    const body = ['document', 'fetch', 'xhr', 'script'].includes(type)
      ? await res.text().catch(() => '')
      : '';
    seen.push({ url: res.url(), text: JSON.stringify(await res.allHeaders()) + body });
  });

  await signIn(page, demoUser('astronomer'));
  await page.goto('/scopes');
  await expect(page.getByRole('heading', { name: 'Scopes', level: 1 })).toBeVisible();
  for (const path of ['/api/me', '/api/scopes', '/api/health']) {
    const res = await page.request.get(path);
    seen.push({ url: path, text: JSON.stringify(res.headers()) + (await res.text()) });
  }

  const jsVisible = await page.evaluate(() => ({
    cookie: document.cookie,
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
  }));
  expect(jsVisible.cookie).not.toMatch(JWT);
  expect(jsVisible.cookie).not.toContain('bdms_session');
  expect(jsVisible.local).not.toMatch(JWT);
  expect(jsVisible.session).not.toMatch(JWT);

  const portal = new URL(page.url()).origin;
  const cookies = await context.cookies(portal);
  const session = cookies.find((c) => c.name.endsWith('bdms_session'));
  expect(session, 'session cookie').toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Strict');
  for (const c of cookies) expect(c.value).not.toMatch(JWT);

  // Signing out goes through the IdP's end-session page and back: no token on that path either.
  await page.getByRole('button', { name: /sign out/i }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  expect(
    seen.filter((s) => s.url.startsWith(portal) || s.url.startsWith('/api')).length,
  ).toBeGreaterThan(3);
  for (const s of seen) expect(s.text, s.url).not.toMatch(JWT);
});
