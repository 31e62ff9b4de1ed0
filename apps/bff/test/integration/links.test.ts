import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DownloadLink, DownloadLinkList } from '@bdms/contract';
import { adler32Hex, demoUser } from '@bdms/dev-fixtures';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { login, startBff, type TestBff } from './bff.ts';

/*
 * Signed download links through a real BFF: made by the demo astronomer for a seeded file, used
 * without any session (the BFF reads the real storage with its own service credential), then
 * tampered with, expired and revoked; each use in the audit trail.
 */
let bff: TestBff;
let cookie = '';

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
});
afterAll(async () => {
  await bff.stop();
});

const { file, dataset } = recordedMeta();
const send = (method: string, path: string, body?: unknown) =>
  fetch(`${bff.url}${path}`, {
    method,
    headers: {
      Cookie: cookie,
      'Content-Type': 'application/json',
      'x-csrf': '1',
      Origin: bff.url,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
async function makeLink(hours?: number): Promise<DownloadLink> {
  const res = await send('POST', '/api/links', { scope: file.scope, name: file.name, hours });
  expect(res.status).toBe(201);
  return DownloadLink.parse(await res.json());
}
/** The link as a stranger uses it: no cookie, nothing but the URL. */
const use = (url: string) => fetch(url);
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe('a signed download link', () => {
  it('when made and used without a session, then it serves Rucio’s bytes, and counts the use', async () => {
    const link = await makeLink();
    expect(link.url.startsWith(`${bff.config.publicUrl}/links/`)).toBe(true);
    expect(link.url.endsWith(`/${encodeURIComponent(file.name.split('/').pop() ?? '')}`)).toBe(
      true,
    );
    expect(new Date(link.expiresAt).getTime() - new Date(link.createdAt).getTime()).toBeCloseTo(
      24 * 3_600_000,
      -4,
    );
    const res = await use(link.url);
    expect(res.status).toBe(200);
    expect(adler32Hex(new Uint8Array(await res.arrayBuffer()))).toBe(file.adler32);
    const { links } = DownloadLinkList.parse(await (await send('GET', '/api/links')).json());
    expect(links.find((l) => l.id === link.id)).toMatchObject({ uses: 1, state: 'active' });
    const audit = await bff.audit.list({ action: 'link_use' }, { limit: 50 });
    expect(audit.entries.some((e) => (e.details as { link?: string }).link === link.id)).toBe(true);
  });

  it('when any character of it is changed, then 403 says it is not a valid link', async () => {
    const link = await makeLink();
    const token = link.url.split('/links/')[1]?.split('/')[0] ?? '';
    for (const at of [3, Math.floor(token.length / 2), token.length - 1]) {
      const c = token[at] === 'A' ? 'B' : 'A';
      const res = await use(
        link.url.replace(token, `${token.slice(0, at)}${c}${token.slice(at + 1)}`),
      );
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toContain('not a valid download link');
    }
  });

  it('when revoked by its owner, then 410 says so; the list shows it revoked', async () => {
    const link = await makeLink();
    expect((await send('DELETE', `/api/links/${link.id}`)).status).toBe(200);
    const res = await use(link.url);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).message).toContain('revoked');
    const { links } = DownloadLinkList.parse(await (await send('GET', '/api/links')).json());
    expect(links.find((l) => l.id === link.id)?.state).toBe('revoked');
  });

  it('when past its expiry, then 410 says it expired', async () => {
    const link = await makeLink(1);
    await sql`update download_link set created_at = now() - interval '2 hours', expires_at = now() - interval '1 minute' where id = ${link.id}`.execute(
      bff.db,
    );
    const res = await use(link.url);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).message).toContain('expired');
  });

  it('when asked for too long, for a dataset, or without the CSRF header, then it is refused', async () => {
    const long = await send('POST', '/api/links', {
      scope: file.scope,
      name: file.name,
      hours: 10_000,
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(await long.json())).toContain('hours');
    const ds = await send('POST', '/api/links', { scope: dataset.scope, name: dataset.name });
    expect(ds.status).toBe(409);
    const noCsrf = await fetch(`${bff.url}/api/links`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope: file.scope, name: file.name }),
    });
    expect(noCsrf.status).toBe(403);
  });
});
