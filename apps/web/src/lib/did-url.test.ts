import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { didFromParams, didPath, didString, encodeSegment, scopePath } from './did-url.ts';

const ctaoName = '/ctao/lst/dl0/2026-03-14/LST-1.Run12345.0001.fits.fz';

describe('DID and scope paths', () => {
  it('keeps a /ctao/... name in one segment', () => {
    expect(didPath({ scope: 'ctao.dl0', name: ctaoName })).toBe(
      '/dids/ctao.dl0/%2Fctao%2Flst%2Fdl0%2F2026-03-14%2FLST-1.Run12345.0001.fits.fz',
    );
  });

  it.each([
    ['a CTAO path', ctaoName],
    ['spaces, plus, percent, hash, question mark', 'a b+c%d#e?f'],
    ['a colon (Rucio scope separator)', 'user.alice:odd'],
    ['unicode', 'Zeuthen-ß-λ'],
    ['dots', '.hidden..name.'],
  ])('round-trips %s through the router (as the browser URL would carry it)', (_, name) => {
    const path = new URL(didPath({ scope: 'user.alice', name }), 'http://portal').pathname;
    const match = matchRoutes([{ path: '/dids/:scope/:name' }], path)?.[0];
    expect(match && didFromParams(match.params)).toEqual({ scope: 'user.alice', name });
  });

  it('leaves ordinary characters readable', () => {
    expect(encodeSegment('ctao.dl0_x-y')).toBe('ctao.dl0_x-y');
  });

  it('refuses values a URL cannot carry', () => {
    expect(() => scopePath('')).toThrow();
    expect(() => didPath({ scope: 's', name: '..' })).toThrow();
  });

  it('builds the scope page path', () => {
    expect(scopePath('ctao.dl3')).toBe('/scopes/ctao.dl3');
    expect(
      matchRoutes([{ path: '/scopes/:scope' }], scopePath('odd/scope'))?.[0]?.params.scope,
    ).toBe('odd/scope');
  });

  it('formats scope:name and rejects incomplete params', () => {
    expect(didString({ scope: 's', name: ctaoName })).toBe(`s:${ctaoName}`);
    expect(didFromParams({ scope: 's' })).toBeNull();
  });
});
