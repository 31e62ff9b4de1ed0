import { describe, expect, it } from 'vitest';
import { interleaved } from './interleave.ts';

describe('interleaved', () => {
  it('takes each side `runs` times and alternates which one goes first', async () => {
    const order: string[] = [];
    const side = (name: string) => () => {
      order.push(name);
      return Promise.resolve(order.length);
    };
    const { a, b } = await interleaved(4, side('a'), side('b'));
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
    expect(a).toEqual([1, 4, 5, 8]);
    expect(b).toEqual([2, 3, 6, 7]);
  });

  it('takes nothing for zero runs', async () => {
    const never = () => Promise.reject(new Error('not called'));
    expect(await interleaved(0, never, never)).toEqual({ a: [], b: [] });
  });
});
