/**
 * The token-protected dev storage against the real dev IdP and the seeded archive: a user's token
 * for the storage (a narrowed refresh, as the BFF gets it) reads a seeded file whose bytes match
 * Rucio's adler32; no token, a token for another path and a token for Rucio's audience are
 * refused; the links client's token reads; the dev writer reads and writes; the GeoIP share
 * stays open to anyone. Over HTTPS too (where the RSEs' https protocols point, for Rucio's own
 * download client), with the token `rucio download` sends: a user's command-line token with
 * Rucio's and the storage's audiences.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import {
  adler32Hex,
  cliToken,
  demoUser,
  DEV_CLIENTS,
  DEV_STORAGE_AUDIENCE,
  LINKS_READ_SCOPE,
  storageTlsPort,
  storageWriterAuth,
} from '@bdms/dev-fixtures';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { directTokens } from '../bench/sessions.ts';
import { silentLogger } from '../lib/logger.ts';
import { statePaths } from '../lib/paths.ts';
import { readEnv } from './config.ts';
import { coreUp } from './core-up.ts';
import { geoipDownloadUrl } from './geoip.ts';
import { pfnOn, replicaOf, type RucioAt } from './rucio-files.ts';
import { userpassToken } from './rucio-smoke.ts';
import { rseStorageUrl } from './storage.ts';

const env = readEnv();
const paths = statePaths(env.DEVSTACK_HOME);
const { file } = recordedMeta();
const DISK = 'CTAO-N-ONSITE';
let rucio: RucioAt;
let pfn = '';

type Client = { clientId: string; clientSecret: string };

/** POST to the IdP's token endpoint as `client`; the answer's tokens. */
async function tokenRequest(client: Client, body: Record<string, string>) {
  const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64');
  const res = await fetch(`${env.IDP_ISSUER}token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}` },
    body: new URLSearchParams(body),
  });
  const answer = (await res.json()) as {
    access_token?: string;
    refresh_token?: string;
    error?: string;
  };
  if (!answer.access_token) throw new Error(`token endpoint: ${answer.error ?? res.status}`);
  return { accessToken: answer.access_token, refreshToken: answer.refresh_token ?? '' };
}

const narrowed = (refreshToken: string, scope: string) =>
  tokenRequest(DEV_CLIENTS.portal, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    audience: DEV_STORAGE_AUDIENCE,
    scope,
  });

const claims = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

const read = (url: string, authorization?: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: authorization ? { Authorization: authorization } : {} });

/** The astronomer's tokens as the BFF holds them: Rucio's, and a storage one by narrowing. */
let user: { main: string; storage: string; dpps: string };

beforeAll(async () => {
  const core = await coreUp(paths, env, silentLogger);
  rucio = { url: core.rucio.url, token: await userpassToken(core.rucio.url) };
  pfn = pfnOn(await replicaOf(rucio, { ...file, data: new Uint8Array() }), DISK) ?? '';
  const login = await directTokens(
    env.IDP_ISSUER,
    'rucio',
    'audience',
    'openid profile email offline_access wlcg.groups storage.read:/',
  );
  const storage = await narrowed(login.refreshToken ?? '', 'storage.read:/ctao');
  const dpps = await narrowed(storage.refreshToken, 'storage.read:/ctao/dpps');
  user = { main: login.accessToken, storage: storage.accessToken, dpps: dpps.accessToken };
});

describe('reads of the token-protected storage', () => {
  it('when the astronomer brings her storage token, then the seeded file’s bytes match Rucio’s adler32', async () => {
    expect(new URL(pfn).origin).toBe(rseStorageUrl(DISK, env.STORAGE_PORT));
    expect(claims(user.storage)).toMatchObject({
      aud: DEV_STORAGE_AUDIENCE,
      scope: 'storage.read:/ctao',
    });
    const res = await read(pfn, `Bearer ${user.storage}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(file.bytes);
    expect(adler32Hex(bytes)).toBe(file.adler32);
    const tail = await fetch(pfn, {
      headers: { Authorization: `Bearer ${user.storage}`, Range: 'bytes=-16' },
    });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(Buffer.from(bytes.slice(-16)))).toBe(true);
  });

  it('when there is no token or a forged one, then 401 with a Bearer challenge', async () => {
    const none = await read(pfn);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await none.text()).toContain('bearer token');
    const [head, body] = user.storage.split('.');
    const forged = await read(pfn, `Bearer ${head}.${body}.${'A'.repeat(342)}`);
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('when the token grants another path (storage.read:/ctao/dpps for an /ctao/acada file), then 403', async () => {
    expect(claims(user.dpps).scope).toBe('storage.read:/ctao/dpps');
    const res = await read(pfn, `Bearer ${user.dpps}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('grants no storage.read covering /ctao/acada/');
  });

  it('when the token is the BFF’s main one (Rucio’s audience, storage.read:/ in scope), then Rucio takes it and the storage answers 403', async () => {
    expect(claims(user.main)).toMatchObject({ aud: 'rucio' });
    expect(String(claims(user.main).scope).split(' ')).toContain('storage.read:/');
    const whoami = await fetch(`${rucio.url}/accounts/whoami`, {
      headers: { 'X-Rucio-Auth-Token': user.main },
    });
    expect(whoami.status).toBe(200);
    const res = await read(pfn, `Bearer ${user.main}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("token audience 'rucio' is not this storage");
  });

  it('when the links client brings its client_credentials token, then it reads below /ctao', async () => {
    const links = await tokenRequest(DEV_CLIENTS.links, {
      grant_type: 'client_credentials',
      audience: DEV_STORAGE_AUDIENCE,
      scope: LINKS_READ_SCOPE,
    });
    expect(claims(links.accessToken)).toMatchObject({ sub: DEV_CLIENTS.links.clientId });
    const res = await read(pfn, `Bearer ${links.accessToken}`);
    expect(res.status).toBe(200);
    expect(adler32Hex(new Uint8Array(await res.arrayBuffer()))).toBe(file.adler32);
  });
});

/** GET over HTTPS, trusting the dev storage's own certificate: status and body. */
function httpsGet(url: string, authorization?: string) {
  const ca = readFileSync(join(paths.root, 'storage-tls', 'storage-cert.pem'));
  return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    const req = request(
      url,
      { ca, headers: authorization ? { Authorization: authorization } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('reads over HTTPS with the token rucio download sends', () => {
  it('when the user’s command-line token names Rucio and the storage with storage.read:/, then Rucio takes it and the storage reads the file and the RSE’s base; a Rucio-only token is refused', async () => {
    const tls = pfn.replace(
      /^http:(\/\/[^/:]+):(\d+)/,
      (_m, host: string, port: string) => `https:${host}:${String(storageTlsPort(Number(port)))}`,
    );
    expect(tls).toMatch(/^https:\/\/127\.0\.0\.\d+:\d+\/CTAO-N-ONSITE\//);
    const alice = demoUser('astronomer');
    const scope = 'openid profile offline_access storage.read:/';
    const both = await cliToken({
      issuer: env.IDP_ISSUER,
      user: alice,
      audience: `rucio ${DEV_STORAGE_AUDIENCE}`,
      scope,
    });
    expect(claims(both.accessToken).aud).toEqual(['rucio', DEV_STORAGE_AUDIENCE]);
    const whoami = await fetch(`${rucio.url}/accounts/whoami`, {
      headers: { 'X-Rucio-Auth-Token': both.accessToken },
    });
    expect(await whoami.json()).toMatchObject({ account: alice.rucioAccount });
    const read = await httpsGet(tls, `Bearer ${both.accessToken}`);
    expect(read.status).toBe(200);
    expect(adler32Hex(new Uint8Array(read.body))).toBe(file.adler32);
    const base = tls.slice(0, tls.indexOf('/CTAO-N-ONSITE/') + '/CTAO-N-ONSITE/'.length);
    expect((await httpsGet(base, `Bearer ${both.accessToken}`)).status).toBe(200);

    expect((await httpsGet(tls)).status).toBe(401);
    const rucioOnly = await cliToken({
      issuer: env.IDP_ISSUER,
      user: alice,
      audience: 'rucio',
      scope,
    });
    const refused = await httpsGet(tls, `Bearer ${rucioOnly.accessToken}`);
    expect(refused.status).toBe(403);
    expect(refused.body.toString()).toContain("token audience 'rucio' is not this storage");
  });
});

describe('the dev writer and the share', () => {
  it('when the writer brings its Basic credential, then it writes, reads back and deletes', async () => {
    const url = `${rseStorageUrl('CSCS-DISK', env.STORAGE_PORT)}/CSCS-DISK/it-tokens-${process.pid}.bin`;
    const writer = storageWriterAuth();
    const put = await read(url, writer, { method: 'PUT', body: 'abc' });
    expect([201, 204]).toContain(put.status);
    const back = await read(url, writer);
    expect(await back.text()).toBe('abc');
    expect((await read(url, `Bearer ${user.storage}`, { method: 'DELETE' })).status).toBe(401);
    expect([200, 204]).toContain((await read(url, writer, { method: 'DELETE' })).status);
  });

  it('when anyone asks for the GeoIP archive Rucio downloads, then it is served without credentials', async () => {
    const res = await read(geoipDownloadUrl(env.STORAGE_PORT), undefined, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });
});
