import { describe, expect, it } from 'vitest';
import { LimitValue, SetLimitBody } from './limit-schemas.ts';
import { limitToText, MAX_LIMIT_BYTES, parseLimitText } from './limit-text.ts';

describe('limits as people write them', () => {
  it.each([
    ['10 TB', 10e12],
    ['10TB', 10e12],
    ['1.5 GB', 1.5e9],
    ['500 gb', 500e9],
    ['2 KiB', 2048],
    ['1.5 GiB', 1_610_612_736],
    ['123', 123],
    ['123 B', 123],
    ['1_000_000 bytes', 1e6],
    ['0', 0],
    ['1 EB', MAX_LIMIT_BYTES],
  ])('when %s is read, then it is %d bytes', (text, bytes) => {
    expect(parseLimitText(text)).toEqual({ ok: true, value: bytes });
  });

  it.each(['unlimited', 'Infinity', 'inf', ' UNLIMITED ', '∞'])(
    'when %s is read, then it is unlimited',
    (text) => {
      expect(parseLimitText(text)).toEqual({ ok: true, value: 'unlimited' });
    },
  );

  it.each([
    ['', 'is empty'],
    ['-5 GB', 'must not be negative'],
    ['ten', 'is not a number'],
    ['1e3', 'is not a number'],
    ['5 XB', 'unknown unit'],
    ['1.5', 'whole bytes'],
    ['0.0000000001 kB', 'whole bytes'],
    ['1.0000000001 EB', 'more than 1 EB'],
    ['2 EB', 'more than 1 EB'],
    ['1,5 GB', 'is not a number'],
  ])('when %j is read, then it is refused: %s', (text, problem) => {
    const parsed = parseLimitText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });

  it.each([
    [null, ''],
    ['unlimited', 'unlimited'],
    [10e12, '10 TB'],
    [1.5e9, '1.5 GB'],
    [100_000, '100 kB'],
    [123_456_789, '123456.789 kB'],
    [999, '999 B'],
  ] as const)('when %j is shown, then it reads %j and back', (limit, text) => {
    const shown = limitToText(limit);
    expect(shown).toBe(text);
    if (limit !== null) expect(parseLimitText(shown)).toEqual({ ok: true, value: limit });
  });
});

describe('the limit a request carries', () => {
  it('when a limit is negative, fractional, over 1 EB or not a number, then the field is named with the reason', () => {
    const problem = (limit: unknown) =>
      SetLimitBody.safeParse({ limit }).error?.issues.map(
        (i) => `${i.path.join('.')}: ${i.message}`,
      );
    expect(problem(-1)).toEqual(['limit: must not be negative']);
    expect(problem(0.5)).toEqual(['limit: must be whole bytes']);
    expect(problem(2e18)).toEqual(['limit: is more than 1 EB (10^18 bytes)']);
    expect(problem('10 TB')).toEqual(['limit: is not a number of bytes or "unlimited"']);
    expect(problem(null)).toEqual(['limit: is not a number of bytes or "unlimited"']);
  });

  it('when a limit is whole bytes up to 1 EB or unlimited, then it passes as it is', () => {
    for (const limit of [0, 1, 9_007_199_254_740_992, 1e18, 'unlimited'])
      expect(LimitValue.parse(limit)).toBe(limit);
  });
});

describe('float noise', () => {
  it('when a limit is a tiny float (zod’s multipleOf would let it pass), then it is refused', () => {
    expect(LimitValue.safeParse(2.5890419884777833e-42).success).toBe(false);
    expect(LimitValue.safeParse(1e18 + 0.5).success).toBe(true); // 1e18 + 0.5 is 1e18 in floats
  });
});
