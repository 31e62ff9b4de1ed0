import { describe, expect, it } from 'vitest';
import { describeLimit, valueOf } from './limit-form.ts';

describe('the limit field', () => {
  it('when a size is typed with a unit, then it is sent as whole bytes', () => {
    expect(valueOf('bytes', '10 TB')).toEqual({ ok: true, value: 10_000_000_000_000 });
    expect(valueOf('bytes', '1.5 GiB')).toEqual({ ok: true, value: 1_610_612_736 });
    expect(valueOf('bytes', '123')).toEqual({ ok: true, value: 123 });
  });

  it('when the text is negative, fractional bytes, not a number or over 1 EB, then it says why', () => {
    for (const text of ['-5 GB', '1.5 B', 'lots', '2 EB', '']) {
      const parsed = valueOf('bytes', text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toMatch(/^The limit /);
    }
  });

  it('when unlimited or removal is chosen, then the text does not matter', () => {
    expect(valueOf('unlimited', 'junk')).toEqual({ ok: true, value: 'unlimited' });
    expect(valueOf('remove', 'junk')).toEqual({ ok: true, value: null });
  });

  it('when a limit is described, then it has its unit and exact bytes', () => {
    expect(describeLimit(10_000_000_000_000)).toBe('10 TB (10,000,000,000,000 bytes)');
    expect(describeLimit(123)).toBe('123 bytes');
    expect(describeLimit('unlimited')).toBe('unlimited');
    expect(describeLimit(null)).toBe('none');
  });
});
