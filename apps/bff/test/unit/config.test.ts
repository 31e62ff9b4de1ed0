import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const base = {
  OIDC_ISSUER: 'https://iam.example.org/',
  OIDC_CLIENT_ID: 'c',
  OIDC_CLIENT_SECRET: 's',
  RUCIO_URL: 'https://rucio.example.org',
};

describe('loadConfig', () => {
  it('when only the required variables are set, then the documented defaults apply', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:8080',
      secureCookies: false,
      adminGroup: '/ctao/admins',
    });
    expect(c.oidc).toMatchObject({
      scopes: 'openid profile email offline_access wlcg.groups',
      audience: 'rucio',
      allowInsecure: false,
    });
  });

  it('when several variables are wrong, then one error lists all of them', () => {
    expect(() => loadConfig({ PORT: 'eighty', RUCIO_URL: 'nope' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', RUCIO_URL: 'nope' });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of [
        'PORT',
        'RUCIO_URL',
        'OIDC_ISSUER',
        'OIDC_CLIENT_ID',
        'OIDC_CLIENT_SECRET',
      ])
        expect(message).toContain(name);
    }
  });

  it('when the issuer is http:// without OIDC_ALLOW_INSECURE, then it refuses; with it (not production), it accepts', () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:4400/' })).toThrow(
      /OIDC_ALLOW_INSECURE/,
    );
    expect(
      loadConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:4400/', OIDC_ALLOW_INSECURE: '1' }).oidc
        .allowInsecure,
    ).toBe(true);
  });

  it('when NODE_ENV=production, then insecure OIDC and a missing SESSION_SECRET are refused', () => {
    const prod = { ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.org' };
    expect(() => loadConfig(prod)).toThrow(/SESSION_SECRET: required/);
    const secret = { ...prod, SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig(secret).production).toBe(true);
    expect(() =>
      loadConfig({ ...secret, OIDC_ISSUER: 'http://iam.example.org/', OIDC_ALLOW_INSECURE: '1' }),
    ).toThrow(/OIDC_ALLOW_INSECURE: must not be set[^]*OIDC_ISSUER: must be https/);
  });

  it('when PUBLIC_URL is https, then cookies are secure', () => {
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://portal.example.org/' })).toMatchObject({
      secureCookies: true,
      publicUrl: 'https://portal.example.org',
      publicOrigin: 'https://portal.example.org',
    });
  });
});
