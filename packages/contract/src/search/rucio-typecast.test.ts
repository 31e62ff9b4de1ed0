import { describe, expect, it } from 'vitest';
import { looksLikeRucioDate, rucioKeepsString, surelyNotLiteral } from './rucio-typecast.ts';

// Each answer below was checked against Rucio 41.5.1's FilterEngine._try_typecast_string.

describe('looksLikeRucioDate', () => {
  it.each([
    '2025-02-04 21:34:05',
    '2025-02-04T21:34:05',
    '2025-02-04t21:34:05',
    '2025-2-4 1:2:3',
    '2025-02-04T21:34:05.5Z',
    '2025-02-04 21:34:05.123456Z',
    'Tue, 04 Feb 2025 21:34:05 UTC',
  ])('%j becomes a datetime', (value) => {
    expect(looksLikeRucioDate(value)).toBe(true);
  });

  it.each(['2025-02-04', '2025-02-04T21:34', '2025-02-04T21:34:05Z', '2025-02-04T21:34:05+00:00'])(
    '%j stays text',
    (value) => {
      expect(looksLikeRucioDate(value)).toBe(false);
    },
  );
});

describe('surelyNotLiteral', () => {
  it.each(['Crab', 'Mrk 421', "O'Brien", 'x if y else z', 'not x', 'Crab()', 'NoneType', 'TrueX'])(
    '%j: ast.literal_eval fails, the text stays',
    (value) => {
      expect(surelyNotLiteral(value)).toBe(true);
    },
  );

  it.each(['12', 'None', 'True', '[1]', "'x'", "b'x'", "rb'x'", '(1)', '1j', ' 1', 'ünï'])(
    '%j may be a literal',
    (value) => {
      expect(surelyNotLiteral(value)).toBe(false);
    },
  );
});

describe('rucioKeepsString', () => {
  it.each([
    ['CTAO-North', true],
    ['Sgr A*', true],
    ['DL0', true],
    ['12', false],
    ['-12', true],
    ['untrue', false],
    ['TrUe', true],
    ['2025-02-04', true],
    ['2025-02-04 21:00:00', false],
  ])('%j → %s', (value, kept) => {
    expect(rucioKeepsString(value)).toBe(kept);
  });
});
