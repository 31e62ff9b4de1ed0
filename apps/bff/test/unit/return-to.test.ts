import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../src/auth/return-to.ts';

describe('safeReturnTo', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/scopes', '/scopes'],
    ['/dids/acada?name=%2Fctao%2Fx#top', '/dids/acada?name=%2Fctao%2Fx#top'],
    ['/a/../b', '/b'],
  ])('when returnTo is %j, then it is accepted as %j', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/ok\\..\\evil',
    'https://evil.example/',
    'javascript:alert(1)',
    'scopes',
    '/\t/evil.example',
    '/\n/evil.example',
    'x'.repeat(3000),
  ])('when returnTo is %j, then it is rejected', (input) => {
    expect(safeReturnTo(input)).toBeUndefined();
  });

  it('when returnTo is repeated or not a string, then it is rejected', () => {
    expect(safeReturnTo(['/a', '/b'])).toBeUndefined();
    expect(safeReturnTo({ a: 1 })).toBeUndefined();
  });
});
