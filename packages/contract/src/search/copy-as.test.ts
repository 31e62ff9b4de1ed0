import { describe, expect, it } from 'vitest';
import { shellQuote, toPython, toRucioCli } from './copy-as.ts';
import { parseFilter } from './filter-grammar.ts';
import type { FilterCondition, SearchQuery } from './query.ts';

const c = (key: string, op: FilterCondition['op'], value: string): FilterCondition => ({
  key,
  op,
  value,
});
const query = (patch: Partial<SearchQuery>): SearchQuery => ({
  scopes: ['acada'],
  groups: [],
  ...patch,
});

/** The words POSIX sh makes of a line using only single quotes and `\'`. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '\\') {
      word = (word ?? '') + line.charAt(++i);
    } else if (ch === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

describe('toRucioCli', () => {
  it('writes one `rucio did list` per scope with the filter in Rucio’s syntax', () => {
    const copy = toRucioCli(
      query({
        scopes: ['acada', 'dpps'],
        groups: [
          [
            c('obs_id', '>=', '2000000001'),
            c('obs_id', '<=', '2000000010'),
            c('site', '=', 'CTAO-North'),
          ],
        ],
      }),
    );
    expect(copy.text).toBe(
      [
        "rucio did list --short --filter '2000000001<=obs_id<=2000000010,site=CTAO-North' 'acada:*'",
        "rucio did list --short --filter '2000000001<=obs_id<=2000000010,site=CTAO-North' 'dpps:*'",
      ].join('\n'),
    );
    expect(copy.notes).toEqual(['Rucio searches one scope per call: one command each.']);
  });

  it('leaves out the filter when there is none', () => {
    expect(toRucioCli(query({})).text).toBe("rucio did list --short 'acada:*'");
  });

  it('puts the name pattern into the filter and keeps the DID as scope:*', () => {
    const copy = toRucioCli(
      query({ name: '/ctao/acada/DL0/*', groups: [[c('target_name', '=', 'Crab')]] }),
    );
    expect(copy.text).toBe(
      "rucio did list --short --filter 'target_name=Crab,name=/ctao/acada/DL0/*' 'acada:*'",
    );
  });

  it('keeps type= only without metadata keys, and says why the result then has every type', () => {
    expect(
      toRucioCli(query({ didType: 'file', groups: [[c('bytes', '>', '1000')]] })).text,
    ).toContain("--filter 'bytes>1000,type=file'");
    expect(toRucioCli(query({ didType: 'dataset' })).text).toContain("--filter 'type=dataset'");
    const copy = toRucioCli(query({ didType: 'file', groups: [[c('obs_id', '=', '1')]] }));
    expect(copy.text).toContain("--filter 'obs_id=1' ");
    expect(copy.notes).toEqual([
      "Rucio's metadata search ignores the DID type: the portal keeps only file.",
    ]);
  });

  it('sends the cone as its box and says the portal also checks the circle', () => {
    const copy = toRucioCli(query({ cone: { ra: 83.63308, dec: 22.0145, radius: 1 } }));
    expect(copy.text).toBe(
      "rucio did list --short --filter '82.554425<=ra_pnt<=84.711735,21.014499<=dec_pnt<=23.014501' 'acada:*'",
    );
    expect(copy.notes[0]).toContain('RA/Dec box');
  });

  it('writes numbers so that the CLI types them as the portal does', () => {
    const copy = toRucioCli(
      query({ groups: [[c('obs_id', '=', '+007'), c('ra_pnt', '<', '1e+2')]] }),
    );
    expect(copy.text).toContain("--filter 'obs_id=7,ra_pnt<100'");
    expect(copy.notes).toEqual([]);
  });

  it('writes times as ISO, whatever the portal was given', () => {
    const copy = toRucioCli(query({ groups: [[c('start_time', '>=', 'MJD 60710.5')]] }));
    expect(copy.text).toContain("--filter 'start_time>=2025-02-04T12:00:00'");
  });

  it('warns where the CLI types a value unlike the portal', () => {
    const copy = toRucioCli(
      query({ groups: [[c('dec_pnt', '>', '-31'), c('target_name', '=', '12')]] }),
    );
    expect(copy.notes).toEqual([
      'Rucio compares "dec_pnt > -31" from the CLI as text, not as a number.',
      'Rucio reads "12" from the CLI as a Python value, not as text.',
    ]);
  });

  it('quotes every word for the shell, whatever the value', () => {
    const hostile = `it's $(rm -rf ~) \`x\` "y" \\ ü`;
    const copy = toRucioCli(query({ groups: [[c('target_name', '=', hostile)]] }));
    expect(shellWords(copy.text)).toEqual([
      'rucio',
      'did',
      'list',
      '--short',
      '--filter',
      `target_name=${hostile}`,
      'acada:*',
    ]);
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });

  it('ends the options before a scope starting with -', () => {
    expect(toRucioCli(query({ scopes: ['-odd'] })).text).toBe("rucio did list --short -- '-odd:*'");
  });

  it('writes a filter that parses back to the query', () => {
    const q = query({
      name: '/ctao/*',
      groups: [[c('obs_id', '=', '1')], [c('site', '!=', 'CTAO-North')]],
    });
    const filter = shellWords(toRucioCli(q).text)[5] ?? '';
    expect(parseFilter(filter, { scopes: ['acada'] })).toMatchObject({ ok: true, query: q });
  });
});

describe('toPython', () => {
  it('calls DIDClient.list_dids per scope with the same filters literal and the DID type', () => {
    const copy = toPython(
      query({
        scopes: ['acada', 'dpps'],
        didType: 'file',
        groups: [[c('obs_id', '>=', '2000000001')]],
      }),
    );
    expect(copy.text).toBe(
      [
        'from rucio.client.didclient import DIDClient',
        '',
        'client = DIDClient()',
        "filters = [{'obs_id.gte': 2000000001}]",
        "for scope in ['acada', 'dpps']:",
        "    for did in client.list_dids(scope, filters=filters, did_type='file', long=True):",
        `        print(f"{did['scope']}:{did['name']}")`,
        '',
      ].join('\n'),
    );
    expect(copy.notes).toEqual([
      "Rucio's metadata search ignores the DID type: the portal keeps only file.",
    ]);
  });

  it('uses Rucio’s default type and notes the cone', () => {
    const copy = toPython(query({ cone: { ra: 10, dec: 89.5, radius: 1 } }));
    expect(copy.text).toContain("filters = [{'dec_pnt.gte': 88.499999}]");
    expect(copy.text).toContain("did_type='collection'");
    expect(copy.notes).toHaveLength(1);
  });
});
