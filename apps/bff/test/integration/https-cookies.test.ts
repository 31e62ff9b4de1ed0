/**
 * AUTH.md §7c "cookie attributes" under real HTTPS: the BFF app on a TLS listener with a
 * certificate made for this run, PUBLIC_URL https://127.0.0.1:<port>, a real sign-in through the
 * real dev IdP, and /api/me answered with Rucio's account for the session.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_HOST, demoUser } from '@bdms/dev-fixtures';
import { Me } from '@bdms/contract';
import { cookieNames } from '../../src/auth/cookies.ts';
import { startBff, type TestBff } from './bff.ts';
import { beginLogin, cookieHeader, signInAtIdp, type ManualFetch } from './browser-login.ts';

const alice = demoUser('astronomer');
let dir = '';
let bff: TestBff;
let agent: Agent;

/** A throwaway self-signed certificate for 127.0.0.1, valid one day, never written to the repo. */
async function testCertificate(): Promise<{ key: string; cert: string }> {
  dir = await mkdtemp(join(tmpdir(), 'bff-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  // prettier-ignore
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${DEV_HOST}`,
    '-addext', `subjectAltName=IP:${DEV_HOST}`,
  ]);
  return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
}

beforeAll(async () => {
  const tls = await testCertificate();
  bff = await startBff(undefined, { tls });
  // Trusts exactly this run's certificate, nothing else is relaxed.
  agent = new Agent({ connect: { ca: tls.cert } });
});
afterAll(async () => {
  await bff.stop();
  await agent.close();
  await rm(dir, { recursive: true, force: true });
});

const overTls: ManualFetch = (url, init) => undiciFetch(url, { ...init, dispatcher: agent });

/** Sign-in over https; returns every Set-Cookie line of the BFF and the session cookie pair. */
async function signIn(): Promise<{ setCookies: string[]; session: string; sessionLine: string }> {
  const start = await beginLogin(bff.url, overTls);
  const landed = await signInAtIdp(start.authorizeUrl, alice);
  expect(landed.href.startsWith(`${bff.url}/auth/callback?`)).toBe(true);
  const res = await overTls(landed.href, { redirect: 'manual', headers: { Cookie: start.cookie } });
  expect(res.status, await res.text()).toBe(302);
  const name = cookieNames(bff.config).session;
  const sessionLine = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '';
  return {
    setCookies: [...start.setCookies, ...res.headers.getSetCookie()],
    session: cookieHeader([sessionLine]),
    sessionLine,
  };
}

describe('cookies under real HTTPS', () => {
  it('when signing in over https, then the session cookie is __Host-, Secure, HttpOnly, SameSite=Strict, Path=/, without Domain and under 4 KB', async () => {
    expect(bff.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { setCookies, sessionLine } = await signIn();
    expect(sessionLine).toMatch(/^__Host-/);
    expect(sessionLine).toMatch(/; Secure(;|$)/i);
    expect(sessionLine).toMatch(/; HttpOnly(;|$)/i);
    expect(sessionLine).toMatch(/; SameSite=Strict(;|$)/i);
    expect(sessionLine).toMatch(/; Path=\/(;|$)/);
    expect(sessionLine).not.toMatch(/; Domain=/i);
    expect(Buffer.byteLength(sessionLine)).toBeLessThan(4096);
    // Every cookie of the flow (the login transaction too) keeps the __Host- rules.
    expect(setCookies.length).toBeGreaterThan(1);
    for (const line of setCookies) {
      expect(line).toMatch(/^__Host-/);
      expect(line).toMatch(/; Secure(;|$)/i);
      expect(line).toMatch(/; Path=\/(;|$)/);
      expect(line).not.toMatch(/; Domain=/i);
    }
  });

  it('when the session cookie is sent over https, then /api/me is 200 with her account; over plain http no request gets through', async () => {
    const { session } = await signIn();
    const res = await undiciFetch(`${bff.url}/api/me`, {
      headers: { Cookie: session },
      dispatcher: agent,
    });
    expect(res.status).toBe(200);
    expect(Me.parse(await res.json())).toMatchObject({
      username: alice.username,
      account: 'alice',
    });
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    // The listener speaks only TLS: a plain-http request with the cookie gets no answer at all.
    const plain = bff.url.replace(/^https:/, 'http:');
    await expect(
      fetch(`${plain}/api/me`, { headers: { Cookie: session }, signal: AbortSignal.timeout(5000) }),
    ).rejects.toThrow(/fetch failed/);
  });
});
