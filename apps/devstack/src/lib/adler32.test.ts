import { describe, expect, it } from 'vitest';
import { adler32Hex } from './adler32.ts';

describe('adler32Hex', () => {
  it('when given bytes, then it gives Rucio’s zero-padded lowercase hex', () => {
    expect(adler32Hex(new Uint8Array())).toBe('00000001');
    expect(adler32Hex(new TextEncoder().encode('Wikipedia'))).toBe('11e60398');
  });

  it('when the sums wrap around the modulus, then it matches zlib’s value', () => {
    // Python: '%08x' % zlib.adler32(b'\xff' * 100000)
    expect(adler32Hex(new Uint8Array(100_000).fill(0xff))).toBe('149a302c');
  });
});
