/** Dev-only credentials of the one account allowed to PUT/DELETE/MKCOL on the dev storage. */
export const STORAGE_WRITER = { username: 'devstack', password: 'dev-storage-secret' } as const;

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
