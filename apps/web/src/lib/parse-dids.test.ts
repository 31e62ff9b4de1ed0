import { describe, expect, it } from 'vitest';
import { ruleRequestPath } from '@/lib/rule-url.ts';
import { didsFromSearch, MAX_DIDS, parseDids } from './parse-dids.ts';

describe('parseDids', () => {
  it('reads one scope:name per line, ignoring blanks and repeats', () => {
    const text = ' acada:/ctao/acada/a \n\nacada:/ctao/acada/b\nacada:/ctao/acada/a\n';
    expect(parseDids(text)).toEqual({
      dids: [
        { scope: 'acada', name: '/ctao/acada/a' },
        { scope: 'acada', name: '/ctao/acada/b' },
      ],
      errors: [],
    });
  });

  it('names every line that is not a DID', () => {
    const { dids, errors } = parseDids('acada:/x\n/ctao/no-scope\n:/x\nbad scope:/x\nacada:');
    expect(dids).toHaveLength(1);
    expect(errors.map((e) => e.split(':')[0])).toEqual(['Line 2', 'Line 3', 'Line 4', 'Line 5']);
  });

  it('refuses more than one request takes', () => {
    const text = Array.from({ length: MAX_DIDS + 1 }, (_, i) => `acada:/f${String(i)}`).join('\n');
    expect(parseDids(text).errors).toEqual([
      `101 DIDs: one request takes at most ${String(MAX_DIDS)}.`,
    ]);
  });

  it('links here with the DIDs in the URL, round trip', () => {
    const href = ruleRequestPath([{ scope: 'acada', name: '/ctao/a+b&c' }]);
    expect(href).toBe('/rules/new?did=acada%3A%2Fctao%2Fa%2Bb%26c');
    expect(parseDids(didsFromSearch(new URLSearchParams(href.split('?')[1]))).dids).toEqual([
      { scope: 'acada', name: '/ctao/a+b&c' },
    ]);
  });
});
