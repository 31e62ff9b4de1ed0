import { describe, expect, it } from 'vitest';
import { loginUrl, safeLocalPath } from './auth-urls.ts';

describe('loginUrl', () => {
  it('sends the current local path as returnTo', () => {
    expect(loginUrl('/scopes?filter=dl0')).toBe('/auth/login?returnTo=%2Fscopes%3Ffilter%3Ddl0');
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'scopes'])(
    'replaces %s with /',
    (path) => {
      expect(safeLocalPath(path)).toBe('/');
    },
  );
});
