import { describe, expect, it } from 'vitest';
import { testConfig } from './helpers.ts';

const problem = (env: Record<string, string>): string => {
  try {
    testConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('storage token settings', () => {
  it('when nothing is set, then tokens for WLCG’s any audience reading /ctao, and no links client', () => {
    const empty = testConfig({ LINKS_CLIENT_ID: '', LINKS_CLIENT_SECRET: '' });
    expect(empty.storage.linksClient).toBeNull();
    expect(testConfig().storage).toEqual({
      audience: 'https://wlcg.cern.ch/jwt/v1/any',
      scopePrefix: '/ctao',
      linksClient: null,
    });
  });

  it('when set, then the audience, the prefix and the links client are taken', () => {
    const c = testConfig({
      STORAGE_AUDIENCE: 'https://storage.example.org',
      STORAGE_TOKEN_SCOPE_PREFIX: '/ctao/dpps',
      LINKS_CLIENT_ID: 'portal-links',
      LINKS_CLIENT_SECRET: 'x',
    });
    expect(c.storage).toEqual({
      audience: 'https://storage.example.org',
      scopePrefix: '/ctao/dpps',
      linksClient: { clientId: 'portal-links', clientSecret: 'x' },
    });
  });

  it('when the login scopes cannot be narrowed to the prefix, then a readable start-up error', () => {
    const scopes = 'openid profile offline_access';
    expect(problem({ OIDC_SCOPES: scopes })).toMatch(/OIDC_SCOPES: must include storage.read:\//);
    expect(problem({ OIDC_SCOPES: `${scopes} storage.read:/ctaox` })).toMatch(/OIDC_SCOPES/);
    expect(problem({ OIDC_SCOPES: `${scopes} storage.read:/ctao` })).toBe('');
    expect(problem({ OIDC_SCOPES: `${scopes} storage.modify:/` })).toMatch(/OIDC_SCOPES/);
  });

  it('when the prefix is not a clean absolute path or only half a links client is set, then refused', () => {
    for (const prefix of ['ctao', '/ctao/', '/ctao/../x', '/a b', '//ctao'])
      expect(problem({ STORAGE_TOKEN_SCOPE_PREFIX: prefix }), prefix).toMatch(
        /STORAGE_TOKEN_SCOPE_PREFIX/,
      );
    expect(problem({ LINKS_CLIENT_ID: 'portal-links' })).toMatch(/set both or neither/);
  });
});
