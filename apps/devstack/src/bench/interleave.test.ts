import { describe, expect, it } from 'vitest';
import { interleaved, rotated, rotation } from './interleave.ts';

/** Sides that note their turn and measure it as their place in the order (1, 2, …). */
function recorder() {
  const order: string[] = [];
  const side = (name: string) => () => {
    order.push(name);
    return Promise.resolve(order.length);
  };
  return { order, side };
}

describe('interleaved', () => {
  it('takes each side `runs` times and alternates which one goes first', async () => {
    const { order, side } = recorder();
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

describe('rotated', () => {
  it('takes each of three sides `runs` times, each one first in turn', async () => {
    const { order, side } = recorder();
    const [a, b, c] = await rotated(3, [side('a'), side('b'), side('c')]);
    expect(order.join('')).toBe('abcbcacab');
    expect(a).toEqual([1, 6, 8]);
    expect(b).toEqual([2, 4, 9]);
    expect(c).toEqual([3, 5, 7]);
  });
});

describe('rotation', () => {
  it('when a run is numbered, then the ways rotate so each goes first as often', () => {
    const ways = ['bff', 'link', 'direct'];
    expect([0, 1, 2, 3].map((i) => rotation(ways, i).join(' '))).toEqual([
      'bff link direct',
      'link direct bff',
      'direct bff link',
      'bff link direct',
    ]);
    expect(rotation([], 3)).toEqual([]);
  });
});
