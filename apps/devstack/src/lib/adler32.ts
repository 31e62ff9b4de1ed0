/** Rucio's file checksum: adler32 as 8 lowercase hex digits, zero-padded (e.g. `00000001` for no bytes). */
const MOD = 65521;

export function adler32Hex(data: Uint8Array): string {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % MOD;
    b = (b + a) % MOD;
  }
  return (b * 65536 + a).toString(16).padStart(8, '0');
}
