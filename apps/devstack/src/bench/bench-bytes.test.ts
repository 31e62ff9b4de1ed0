import { describe, expect, it } from 'vitest';
import { adler32Hex } from '../lib/adler32.ts';
import { BLOCK, benchAdler32, benchBytes, RunningAdler32 } from './bench-bytes.ts';

const all = (name: string, size: number) => Buffer.concat([...benchBytes(name, size)]);

describe('the downloads bench bytes', () => {
  it('when summed in pieces, then adler32 is zlib’s over the whole (wrapping the modulus)', () => {
    const data = all('/ctao/bench/x', 3 * BLOCK + 12_345);
    const sum = new RunningAdler32();
    for (let i = 0; i < data.length; i += 100_003) sum.update(data.subarray(i, i + 100_003));
    expect(sum.hex()).toBe(adler32Hex(data));
    const ones = new RunningAdler32();
    ones.update(new Uint8Array(100_000).fill(0xff));
    expect(ones.hex()).toBe('149a302c');
    expect(new RunningAdler32().hex()).toBe('00000001');
  });

  it('when a file is made twice, then its bytes are the same; another name gives other bytes', () => {
    const a = all('/ctao/bench/a', BLOCK + 10);
    expect(a.length).toBe(BLOCK + 10);
    expect(all('/ctao/bench/a', BLOCK + 10).equals(a)).toBe(true);
    expect(all('/ctao/bench/b', BLOCK + 10).equals(a)).toBe(false);
    expect(benchAdler32('/ctao/bench/a', BLOCK + 10)).toBe(adler32Hex(a));
  });

  it('when a file spans blocks, then no two blocks are equal (no holes, nothing repeated)', () => {
    const [first, second] = [...benchBytes('/ctao/bench/c', 2 * BLOCK)];
    expect(first?.equals(second ?? Buffer.alloc(0))).toBe(false);
    expect(first?.some((b) => b !== 0)).toBe(true);
    expect([...benchBytes('/ctao/bench/d', 0)]).toEqual([]);
  });
});
