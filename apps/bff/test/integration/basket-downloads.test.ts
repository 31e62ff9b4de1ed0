import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adler32Hex, demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all } from './did-helpers.ts';
import { READ_ZIP, runScript } from './script-run.ts';

/*
 * Scripts, manifests and the ZIP of a whole basket, and the script of a search's selection,
 * through a real BFF (real IdP, Rucio, storage, PostgreSQL): the curl script is run for real and
 * every file verified; the ZIP is read back by Python's zipfile (CRCs) and each entry's adler32
 * compared with Rucio's, listed as root. The basket holds a dataset and one of its own files (the
 * file is reached twice and must come once) and a container.
 */
type Did = { scope: string; name: string };
type Truth = { name: string; bytes: number; adler32: string };
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
const { dataset, file, container } = recordedMeta();
const ref = ({ scope, name }: Did): Did => ({ scope, name });
let bff: TestBff;
let cookie = '';
let rootToken = '';

/** Every file below the DIDs as Rucio lists them to root, each once, by name. */
async function truthOf(dids: Did[]): Promise<Truth[]> {
  const out = new Map<string, Truth>();
  for (const did of dids)
    for (const f of await all(rucio.listFileReplicas({ token: rootToken, dids: [did] })))
      out.set(f.name, { name: f.name, bytes: Number(f.bytes), adler32: String(f.adler32) });
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${bff.url}${path}`, {
    method,
    headers: {
      Cookie: cookie,
      ...(method !== 'GET' ? { 'X-CSRF': '1', Origin: bff.url } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
const fill = async (dids: Did[]) => {
  expect((await call('DELETE', '/api/basket')).status).toBe(200);
  expect((await call('POST', '/api/basket/items', { dids })).status).toBe(200);
};
const manifest = async (res: Response) =>
  (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { name: string; path: string; bytes: number; adler32: string });

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
  rootToken = (await rucio.authUserpass(RUCIO_ROOT)).token;
});
afterAll(async () => {
  await bff.stop();
});

describe('the basket’s scripts and ZIP', () => {
  it('when the curl script of a basket holding a dataset and one of its files runs, then every file arrives once and verifies', async () => {
    await fill([ref(dataset), ref(file)]);
    const truth = await truthOf([dataset]);
    const res = await call('GET', '/api/basket/script?format=curl');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/basket-\d{4}-\d\d-\d\d\.curl\.sh/);
    const text = await res.text();
    expect(text.match(/^fetch /gm)).toHaveLength(truth.length);
    const done = await runScript(text);
    expect(done.output).toContain(
      `${String(truth.length)} of ${String(truth.length)} files downloaded and verified`,
    );
    expect(done.status).toBe(0);
    // Paths below the folder the basket's DIDs share: the dataset keeps its own folder.
    const top = dataset.name.split('/').pop() ?? '';
    for (const f of truth)
      expect(
        adler32Hex(readFileSync(join(done.dir, top, f.name.slice(dataset.name.length + 1)))),
      ).toBe(f.adler32);
  });

  it('when a container is in the basket too, then the manifest lists every file below all of them once, with Rucio’s sizes and checksums', async () => {
    await fill([ref(dataset), ref(file), ref(container)]);
    const truth = await truthOf([dataset, container]);
    const res = await call('GET', '/api/basket/script?format=json');
    expect(res.status).toBe(200);
    const lines = await manifest(res);
    expect(
      lines
        .map(({ name, bytes, adler32 }) => ({ name, bytes, adler32 }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(truth);
    expect(new Set(lines.map((l) => l.path)).size).toBe(lines.length);
    const rucioSh = await (await call('GET', '/api/basket/script?format=rucio')).text();
    expect(rucioSh).toContain(`'${dataset.scope}:${dataset.name}'`);
    expect(rucioSh).toContain(`'${container.scope}:${container.name}'`);
  });

  it('when the basket is fetched as a ZIP, then its length is announced, every CRC checks and every entry is Rucio’s file', async () => {
    await fill([ref(dataset), ref(file)]);
    const truth = await truthOf([dataset]);
    const res = await call('GET', '/api/basket/bundle');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/basket-\d{4}-\d\d-\d\d\.zip/);
    const data = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(data.length));
    const path = join(mkdtempSync(join(tmpdir(), 'basket-zip-')), 'b.zip');
    writeFileSync(path, data);
    const entries = JSON.parse(
      execFileSync('python3', ['-c', READ_ZIP, path], { encoding: 'utf8' }),
    ) as {
      name: string;
      size: number;
      stored: boolean;
      adler32: string;
    }[];
    const top = dataset.name.split('/').pop() ?? '';
    expect(entries.map((e) => e.name).sort()).toEqual(
      truth.map((f) => `${top}/${f.name.slice(dataset.name.length + 1)}`).sort(),
    );
    for (const e of entries) {
      const f = truth.find((t) => e.name.endsWith(t.name.split('/').pop() ?? '?'));
      expect({ size: e.size, adler32: e.adler32, stored: e.stored }).toEqual({
        size: f?.bytes,
        adler32: f?.adler32,
        stored: true,
      });
    }
  });

  it('when the basket is empty, then its script and ZIP are a 409 saying so', async () => {
    expect((await call('DELETE', '/api/basket')).status).toBe(200);
    for (const path of ['/api/basket/script?format=csv', '/api/basket/bundle']) {
      const res = await call('GET', path);
      expect(res.status).toBe(409);
      expect(JSON.stringify(await res.json())).toContain('Your basket is empty');
    }
  });
});

describe('a search selection’s script', () => {
  it('when the selection names a dataset and one of its files, then the CSV lists each of its files once', async () => {
    const truth = await truthOf([dataset]);
    const res = await call('POST', '/api/scripts?format=csv', { dids: [ref(dataset), ref(file)] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/selection-\d{4}-\d\d-\d\d\.csv/);
    const rows = (await res.text()).trim().split('\n');
    expect(rows[0]).toBe('scope,name,path,bytes,adler32,md5');
    expect(
      rows
        .slice(1)
        .map((r) => r.split(',')[1])
        .sort(),
    ).toEqual(truth.map((f) => f.name));
  });

  it('when a DID is unknown, then 404 names it before any line; without the CSRF header, 403', async () => {
    const gone = { scope: dataset.scope, name: '/ctao/no/such/dataset' };
    const res = await call('POST', '/api/scripts?format=curl', { dids: [ref(dataset), gone] });
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toContain(`${gone.scope}:${gone.name}`);
    const forged = await fetch(`${bff.url}/api/scripts?format=csv`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ dids: [ref(dataset)] }),
    });
    expect(forged.status).toBe(403);
  });
});

describe('the caps from config', () => {
  let small: TestBff;
  let smallCookie = '';
  beforeAll(async () => {
    small = await startBff(undefined, { env: { SCRIPT_MAX_DIDS: '1', BUNDLE_MAX_FILES: '1' } });
    smallCookie = (await login(small, demoUser('astronomer'))).cookie;
  });
  afterAll(async () => {
    await small.stop();
  });
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${small.url}${path}`, {
      method,
      headers: {
        Cookie: smallCookie,
        ...(method !== 'GET' ? { 'X-CSRF': '1', Origin: small.url } : {}),
        'Content-Type': 'application/json',
      },
      body: body === undefined ? null : JSON.stringify(body),
    });

  it('when a selection names more DIDs than SCRIPT_MAX_DIDS, then 400 says how many a script takes', async () => {
    const res = await send('POST', '/api/scripts?format=csv', { dids: [ref(dataset), ref(file)] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('more than the 1 a script takes here');
  });

  it('when the basket holds more files than BUNDLE_MAX_FILES, then its ZIP is a 409 pointing to the scripts', async () => {
    expect((await send('POST', '/api/basket/items', { dids: [ref(dataset)] })).status).toBe(200);
    const res = await send('GET', '/api/basket/bundle');
    expect(res.status).toBe(409);
    expect(JSON.stringify(await res.json())).toContain('fetch it with a script instead');
  });
});
