import { describe, expect, it } from 'vitest';
import { formatShare, groupBy, sortRows, type UsageRow } from './usage-views.ts';

const row = (over: Partial<UsageRow>): UsageRow => ({
  account: 'alice',
  rse: 'A',
  usedBytes: 0,
  usedFiles: 0,
  limitBytes: null,
  unlimited: false,
  usedShare: null,
  status: 'none',
  ...over,
});

describe('the overview seen per account and per RSE', () => {
  const rows = [
    row({
      rse: 'A',
      usedBytes: 95,
      usedFiles: 2,
      limitBytes: 100,
      usedShare: 0.95,
      status: 'near',
    }),
    row({ rse: 'B', usedBytes: 20, usedFiles: 1, limitBytes: 10, usedShare: 2, status: 'over' }),
    row({ account: 'bob', rse: 'A', usedBytes: 5, unlimited: true, status: 'unlimited' }),
  ];

  it('when grouped by account, then usage and finite limits add up and the worst status wins', () => {
    const [alice, bob] = groupBy(rows, 'account');
    expect(alice).toMatchObject({ key: 'alice', usedBytes: 115, usedFiles: 3, limitBytes: 110 });
    expect(alice).toMatchObject({ over: 1, near: 1, status: 'over' });
    expect(bob).toMatchObject({ limitBytes: null, unlimited: true, status: 'unlimited' });
  });

  it('when grouped by RSE, then each RSE sums its accounts', () => {
    const a = groupBy(rows, 'rse').find((g) => g.key === 'A');
    expect(a).toMatchObject({ usedBytes: 100, rows: 2, status: 'near', unlimited: true });
  });

  it('when sorted by share descending, then the fullest comes first and unknown shares last', () => {
    const sorted = sortRows(
      rows,
      { key: 'share', dir: 'descending' },
      (r) => r.usedShare,
      (r) => r.account + r.rse,
    );
    expect(sorted.map((r) => r.rse + r.account)).toEqual(['Balice', 'Aalice', 'Abob']);
  });

  it('when a share is shown, then it reads as a percentage', () => {
    expect(formatShare(0.954)).toBe('95.4 %');
    expect(formatShare(12.3)).toBe('1230 %');
    expect(formatShare(null)).toBe('—');
  });
});
