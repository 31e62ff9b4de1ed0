import { describe, expect, it } from 'vitest';
import { isAlive } from './pid-file.ts';

describe('isAlive', () => {
  it('when asked about this very process, then it is alive', () => {
    expect(isAlive(process.pid)).toBe(true);
  });

  it('when given 0 or a negative pid (process groups, or "every process"), then it says no', () => {
    expect(isAlive(0)).toBe(false);
    expect(isAlive(-1)).toBe(false);
    expect(isAlive(Number.NaN)).toBe(false);
  });
});
