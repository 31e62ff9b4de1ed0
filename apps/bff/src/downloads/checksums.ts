import ADLER32 from 'adler-32';

/** Rucio's adler32 form: 8 lower-case hex digits. */
export const adler32Hex = (value: number): string => (value >>> 0).toString(16).padStart(8, '0');

/** An adler32 over chunks as they pass (SheetJS adler-32, seeded with the running value). */
export class Adler32 {
  private value = 1;
  update(chunk: Uint8Array): void {
    this.value = ADLER32.buf(chunk, this.value);
  }
  hex(): string {
    return adler32Hex(this.value);
  }
}

const hexToBase64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

/**
 * Rucio's checksums as HTTP says them: `Digest` (RFC 3230: adler32 in hex, md5 in base64) and
 * `Repr-Digest` (RFC 9530: byte sequences, algorithm names from its registry).
 */
export function digestHeaders(sums: {
  adler32?: string | null | undefined;
  md5?: string | null | undefined;
}): Record<string, string> {
  const adler =
    sums.adler32 && /^[0-9a-f]{8}$/i.test(sums.adler32) ? sums.adler32.toLowerCase() : null;
  const md5 = sums.md5 && /^[0-9a-f]{32}$/i.test(sums.md5) ? sums.md5.toLowerCase() : null;
  const digest = [adler && `adler32=${adler}`, md5 && `md5=${hexToBase64(md5)}`].filter(Boolean);
  const repr = [
    adler && `adler=:${hexToBase64(adler)}:`,
    md5 && `md5=:${hexToBase64(md5)}:`,
  ].filter(Boolean);
  return {
    ...(digest.length ? { Digest: digest.join(', ') } : {}),
    ...(repr.length ? { 'Repr-Digest': repr.join(', ') } : {}),
  };
}
