/**
 * The audience the dev storage accepts in bearer tokens (beside WLCG's "any" audience): the BFF's
 * STORAGE_AUDIENCE in development. A URN, so it stays the same whatever port the storage uses.
 */
export const DEV_STORAGE_AUDIENCE = 'urn:ctao:bdms:dev-storage';

/**
 * The dev storage's HTTPS port, beside its HTTP one (the port after it): Rucio's own download
 * client reads WebDAV over HTTPS only, so each RSE has a read-only `https` protocol there too.
 */
export const storageTlsPort = (port: number): number => port + 1;

/**
 * Dev-only credentials of the one account allowed to PUT/DELETE/MKCOL on the dev storage; it may
 * read every RSE tree too (the seed's verify, the dev mover, tests checking bytes), where others
 * need a token with `storage.read:<path>`.
 */
export const STORAGE_WRITER = { username: 'devstack', password: 'dev-storage-secret' } as const;

/** `Authorization` header value for writes to (and dev-tool reads of) the dev storage. */
export const storageWriterAuth = (): string =>
  `Basic ${Buffer.from(`${STORAGE_WRITER.username}:${STORAGE_WRITER.password}`).toString('base64')}`;

/** PUT as the storage's writer, making the missing collections first when the server says 409. */
export async function putBytes(url: string, data: Uint8Array): Promise<void> {
  const headers = { Authorization: storageWriterAuth() };
  const put = () => fetch(url, { method: 'PUT', body: Buffer.from(data), headers });
  let res = await put();
  if (res.status === 409) {
    const { origin, pathname } = new URL(url);
    const segments = pathname.split('/').filter(Boolean).slice(0, -1);
    for (let i = 1; i <= segments.length; i += 1) {
      const col = `${origin}/${segments.slice(0, i).join('/')}/`;
      await (await fetch(col, { method: 'MKCOL', headers })).body?.cancel();
    }
    res = await put();
  }
  if (![200, 201, 204].includes(res.status)) throw new Error(`PUT ${url}: ${res.status}`);
}

const MOD = 65521;

/** Rucio's file checksum: adler32 as 8 lowercase hex digits, zero-padded (e.g. `00000001` for no bytes). */
export function adler32Hex(data: Uint8Array): string {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % MOD;
    b = (b + a) % MOD;
  }
  return (b * 65536 + a).toString(16).padStart(8, '0');
}
