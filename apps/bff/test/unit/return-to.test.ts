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
    // Only normalisation reveals these as protocol-relative URLs to another host.
    '/.//evil.example/x',
    '/..//evil.example/x',
    '/a/..//evil.example/x',
    '/a/b/../..//evil.example',
    '/%2e//evil.example/x',
    '/%2E%2E//evil.example/x',
    '/./%2e/..//evil.example',
    // Encoded backslashes and control characters.
    '/%5cevil.example',
    '/%5C%5Cevil.example',
    '/a%5c..%5c/evil',
    '/%09/evil.example',
    '/%0a/evil.example',
  ])('when returnTo is %j, then it is rejected', (input) => {
    expect(safeReturnTo(input)).toBeUndefined();
  });

  it('when returnTo is repeated or not a string, then it is rejected', () => {
    expect(safeReturnTo(['/a', '/b'])).toBeUndefined();
    expect(safeReturnTo({ a: 1 })).toBeUndefined();
  });
});
