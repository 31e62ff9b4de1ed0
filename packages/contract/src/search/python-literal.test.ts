import { describe, expect, it } from 'vitest';
import { pyStr, pyText, pythonFilters, pyValue, searchParams } from './python-literal.ts';
import type { FilterCondition, SearchQuery } from './query.ts';

/** Reads back the Python string literals pyStr writes (the escapes it uses). */
function decodePy(literal: string): string {
  const quote = literal[0];
  expect(quote === "'" || quote === '"').toBe(true);
  expect(literal.at(-1)).toBe(quote);
  const body = literal.slice(1, -1);
  return body.replace(
    /\\(?:([0-7]{1,3})|u([0-9a-f]{4})|U([0-9a-f]{8})|(.))/g,
    (_, oct?: string, u?: string, big?: string, char?: string) => {
      if (oct) return String.fromCharCode(parseInt(oct, 8));
      if (u) return String.fromCharCode(parseInt(u, 16));
      if (big) return String.fromCodePoint(parseInt(big, 16));
      return char ?? '';
    },
  );
}

const HOSTILE = [
  "O'Brien",
  'a"b',
  `'"`,
  'back\\slash\\',
  'line\nbreak\r\n',
  'tab\ttrue',
  'nul\u0000x',
  '\u000fALSE',
  'ünïcödé',
  '漢字',
  '😀 emoji',
  '\uD800lone',
  'lone\uDC00',
  '\u2028 separator',
  "'); DROP TABLE dids; --",
  '__import__("os").system("x")',
];

/** Random strings over awkward characters, lone surrogates included. */
function randomStrings(count: number): string[] {
  const alphabet = [
    'a',
    't',
    'T',
    'r',
    'u',
    'e',
    'f',
    'F',
    'l',
    'L',
    's',
    'S',
    'E',
    'A',
    "'",
    '"',
    '\\',
    '\n',
    '\u0000',
    '\u000f',
    '\u007f',
    'é',
    'ÿ',
    '\u0100',
    '漢',
    '😀',
    '\uD800',
    '\uDFFF',
    '0',
    '7',
    'x',
  ];
  let seed = 7;
  const next = (): number => (seed = (seed * 48271) % 2147483647);
  return Array.from({ length: count }, () =>
    Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join(''),
  );
}

describe('pyStr', () => {
  it.each(HOSTILE)('writes %j as printable ASCII that reads back exactly', (value) => {
    const literal = pyStr(value);
    expect(literal).toMatch(/^[\x20-\x7e]*$/);
    expect(decodePy(literal)).toBe(value);
  });

  it('picks quotes as Python’s repr does', () => {
    expect(pyStr('Crab')).toBe("'Crab'");
    expect(pyStr("O'Brien")).toBe(`"O'Brien"`);
    expect(pyStr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pyStr('a\\b')).toBe("'a\\\\b'");
  });

  it('escapes with octal digits up to \\377, \\u and \\U beyond', () => {
    expect(pyStr('\n\u0000ü漢😀')).toBe("'\\012\\000\\374\\u6f22\\U0001f600'");
  });

  it('holds for a thousand random awkward strings, and hides true/false in every case', () => {
    for (const value of randomStrings(1000)) {
      expect(decodePy(pyStr(value))).toBe(value);
      const hidden = pyStr(value, { hideBooleanWords: true });
      expect(decodePy(hidden)).toBe(value);
      expect(hidden).not.toMatch(/true|TRUE|false|FALSE/);
    }
  });
});

describe('pyText: a string Rucio gets back exactly after its re-typing', () => {
  // Each literal was fed to Rucio 41.5.1 (ast.literal_eval, then FilterEngine._try_typecast_string)
  // and gave back exactly the left-hand text.
  it.each([
    ['Crab', "'Crab'"],
    ['Mrk 421', "'Mrk 421'"],
    ['Sgr A*', "'Sgr A*'"],
    ['1ES 1959+650', "'1ES 1959+650'"],
    ['-12', "'-12'"],
    ['TrUe', "'TrUe'"],
    ['12', `"'12'"`],
    ['None', `"'None'"`],
    ["'12'", `'"\\'12\\'"'`],
    ["b'x'", `'"b\\'x\\'"'`],
    ['true', `"'\\\\164rue'"`],
    ['untrue', `"'un\\\\164rue'"`],
    ['falsefalse', `"'fa\\\\154sefa\\\\154se'"`],
    ['tab\ttrue', `"'\\\\164ab\\\\011\\\\164rue'"`],
    ['ünïcödé', `"'\\\\374n\\\\357c\\\\366d\\\\351'"`],
  ])('%j → %s', (value, literal) => {
    expect(pyText(value)).toBe(literal);
  });

  it('sends a name or a text with + - * / as it is: Rucio leaves those alone', () => {
    expect(pyText("O'Brien")).toBe(`"O'Brien"`);
    expect(pyText('/ctao/acada/*')).toBe("'/ctao/acada/*'");
  });
});

const c = (key: string, op: FilterCondition['op'], value: string): FilterCondition => ({
  key,
  op,
  value,
});

describe('pyValue types values by the catalogue', () => {
  it.each([
    [c('obs_id', '>=', '2000000001'), '2000000001'],
    [c('obs_id', '=', '007'), '7'],
    [c('obs_id', '=', '+5'), '5'],
    [c('sb_id', '=', '12345678901234567890'), '12345678901234567890'],
    [c('ra_pnt', '<=', '1e2'), '100'],
    [c('dec_pnt', '>', '-30.25'), '-30.25'],
    [c('valid_fits_checksum', '=', 'TRUE'), 'True'],
    [c('valid_fits_checksum', '!=', 'false'), 'False'],
    [c('start_time', '>=', '60710.5'), "'2025-02-04T12:00:00'"],
    [c('end_time', '<', '2025-02-04T21:34:05.5Z'), "'2025-02-04T21:34:05.500000Z'"],
    [c('start_time', '>=', '2025-02-04T22:34:05+01:00'), "'2025-02-04T21:34:05'"],
    [c('observing_night', '=', '2025-02-04'), "'2025-02-04'"],
    [c('site', '=', 'CTAO-North'), "'CTAO-North'"],
    [c('data_level', '=', 'DL0'), "'DL0'"],
    [c('obs_id', '=', '2000000*'), "'2000000*'"],
    [c('start_time', '=', '2025-02-04T21*'), "'2025-02-04T21*'"],
    [c('unknown_key', '=', '12'), "'12'"],
    [c('bytes', '>', '1000'), '1000'],
    [c('created_at', '>=', '2025-01-01'), "'2025-01-01T00:00:00'"],
  ])('%j → %s', (condition, literal) => {
    expect(pyValue(condition)).toBe(literal);
  });
});

const query = (patch: Partial<SearchQuery>): SearchQuery => ({
  scopes: ['acada'],
  groups: [],
  ...patch,
});

describe('pythonFilters', () => {
  it('writes OR groups as dicts with Rucio’s key suffixes', () => {
    const q = query({
      groups: [
        [c('obs_id', '>=', '2000000001'), c('site', '=', 'CTAO-North')],
        [c('target_name', '!=', 'Crab')],
      ],
    });
    expect(pythonFilters(q)).toBe(
      "[{'obs_id.gte': 2000000001, 'site': 'CTAO-North'}, {'target_name.ne': 'Crab'}]",
    );
  });

  it('never sends an empty list, which Rucio would run without the scope condition', () => {
    expect(pythonFilters(query({}))).toBe('[{}]');
    expect(pythonFilters(query({ name: '/ctao/*' }))).toBe("[{'name': '/ctao/*'}]");
  });

  it('puts the name pattern into every group', () => {
    const q = query({
      name: '/ctao/acada/*',
      groups: [[c('obs_id', '=', '1')], [c('obs_id', '=', '2')]],
    });
    expect(pythonFilters(q)).toBe(
      "[{'obs_id': 1, 'name': '/ctao/acada/*'}, {'obs_id': 2, 'name': '/ctao/acada/*'}]",
    );
  });

  it('ANDs the cone box into every group, two boxes across RA 0°', () => {
    const q = query({
      cone: { ra: 359.9, dec: 0, radius: 0.5 },
      groups: [[c('site', '=', 'CTAO-South')]],
    });
    expect(pythonFilters(q)).toBe(
      "[{'site': 'CTAO-South', 'ra_pnt.gte': 359.399999, 'dec_pnt.gte': -0.500001, 'dec_pnt.lte': 0.500001}, " +
        "{'site': 'CTAO-South', 'ra_pnt.lte': 0.400001, 'dec_pnt.gte': -0.500001, 'dec_pnt.lte': 0.500001}]",
    );
  });
});

describe('searchParams', () => {
  it('sends the DID type as its own parameter, Rucio’s default collection when unset', () => {
    expect(searchParams(query({ groups: [[c('obs_id', '=', '1')]] }))).toEqual({
      type: 'collection',
      long: 'false',
      filters: "[{'obs_id': 1}]",
    });
    expect(searchParams(query({ didType: 'file' }), { long: true, limit: 100 })).toEqual({
      type: 'file',
      long: 'true',
      filters: '[{}]',
      limit: '100',
    });
  });

  it('survives URL encoding with hostile values', () => {
    const q = query({ groups: [[c('target_name', '=', `a'b"c\\d ü &x=1#`)]] });
    const back = new URLSearchParams(new URLSearchParams(searchParams(q)).toString());
    expect(back.get('filters')).toBe(pythonFilters(q));
  });
});
