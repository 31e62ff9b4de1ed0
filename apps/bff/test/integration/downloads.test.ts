import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adler32Hex, demoUser, putBytes, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { asRoot, FRESH_SCOPE, freshRun, recordedMeta } from '@bdms/rucio-client/testing';
import { randomBytes } from 'node:crypto';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { didUrl } from './did-helpers.ts';

/*
 * One file's download through a real BFF signed in as the demo astronomer, from the real storage
 * at the replica Rucio lists: bytes and headers checked against Rucio's record, asked as root.
 */
let bff: TestBff;
let cookie = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
let token = '';

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
  token = (await rucio.authUserpass(RUCIO_ROOT)).token;
});
afterAll(async () => {
  await bff.stop();
});

const { file, dataset } = recordedMeta();
const download = (did: { scope: string; name: string }, headers: Record<string, string> = {}) =>
  fetch(`${bff.url}${didUrl(did, '/download')}`, { headers: { Cookie: cookie, ...headers } });
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

/**
 * A file registered on each of `rses` with the record of `registered`, whose bytes are written
 * only to the replicas in `written` (as `stored`): what a lost or damaged replica looks like.
 */
async function fileOn(
  rses: string[],
  written: string[],
  stored: Uint8Array,
  registered: Uint8Array = stored,
) {
  await asRoot(RUCIO_URL, token, `/scopes/root/${FRESH_SCOPE}`, 'POST');
  const did = { scope: FRESH_SCOPE, name: `/ctao/${FRESH_SCOPE}/downloads/${freshRun()}.fits.fz` };
  const record = { ...did, bytes: registered.length, adler32: adler32Hex(registered) };
  for (const rse of rses)
    await asRoot(RUCIO_URL, token, '/replicas', 'POST', { rse, files: [record] });
  const [listed] = (await asRoot(RUCIO_URL, token, '/replicas/list', 'POST', { dids: [did] }))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { pfns: Record<string, { rse: string }> });
  for (const [pfn, { rse }] of Object.entries(listed?.pfns ?? {}))
    if (written.includes(rse)) await putBytes(pfn, stored);
  return { did, adler32: record.adler32 };
}

describe('a file downloaded through the BFF', () => {
  it('when a seeded file is fetched, then its bytes are Rucio’s, with its name, length and checksums', async () => {
    const res = await download(file);
    expect(res.status).toBe(200);
    const data = await bytesOf(res);
    expect(data.length).toBe(file.bytes);
    expect(adler32Hex(data)).toBe(file.adler32);
    expect(res.headers.get('content-length')).toBe(String(file.bytes));
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="?${file.name.split('/').pop() ?? ''}"?$`),
    );
    expect(res.headers.get('digest')).toBe(
      `adler32=${file.adler32}, md5=${Buffer.from(file.md5, 'hex').toString('base64')}`,
    );
    expect(res.headers.get('repr-digest')).toContain(
      `adler=:${Buffer.from(file.adler32, 'hex').toString('base64')}:`,
    );
    expect(res.headers.get('accept-ranges')).toBe('bytes');
  });

  it('when the last bytes are asked for, then 206 sends exactly those', async () => {
    const whole = await bytesOf(await download(file));
    const res = await download(file, { Range: 'bytes=-100' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(
      `bytes ${String(file.bytes - 100)}-${String(file.bytes - 1)}/${String(file.bytes)}`,
    );
    expect(await bytesOf(res)).toEqual(whole.slice(-100));
  });

  it('when the range is past the end, then 416 says the size', async () => {
    const res = await download(file, { Range: `bytes=${String(file.bytes + 10)}-` });
    expect(res.status).toBe(416);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'range_not_satisfiable',
    );
  });

  it('when the DID is a dataset, then 409 points to bundles and scripts; an unknown one is 404', async () => {
    const res = await download(dataset);
    expect(res.status).toBe(409);
    expect(JSON.stringify(await res.json())).toContain('bundle or a script');
    expect((await download({ scope: 'acada', name: '/ctao/no/such/file.fits' })).status).toBe(404);
  });

  it('when some replicas’ bytes are lost, then the file comes from one that has them', async () => {
    const data = new Uint8Array(randomBytes(5000));
    const disks = ['CTAO-N-ONSITE', 'DESY-ZN-DISK', 'CSCS-DISK', 'INFN-FRASCATI-DISK'];
    const { did, adler32 } = await fileOn(disks, ['INFN-FRASCATI-DISK'], data);
    const res = await download(did);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-replica-rse')).toBe('INFN-FRASCATI-DISK');
    expect(adler32Hex(await bytesOf(res))).toBe(adler32);
  });

  it('when no replica has the bytes, then 502 names the DID and what each storage said', async () => {
    const { did } = await fileOn(['DESY-ZN-DISK'], [], new Uint8Array(randomBytes(100)));
    const res = await download(did);
    expect(res.status).toBe(502);
    const body = JSON.stringify(await res.json());
    expect(body).toContain(did.name);
    expect(body).toContain('DESY-ZN-DISK: HTTP 404');
  });

  it('when the bytes do not match Rucio’s adler32, then the download is aborted, not completed', async () => {
    const stored = new Uint8Array(randomBytes(200_000));
    const registered = new Uint8Array(stored);
    registered[0] = (registered[0] ?? 0) ^ 0xff;
    const { did } = await fileOn(['DESY-ZN-DISK'], ['DESY-ZN-DISK'], stored, registered);
    const res = await download(did);
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });
});
