import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const base = {
  OIDC_ISSUER: 'https://iam.example.org/',
  OIDC_CLIENT_ID: 'c',
  OIDC_CLIENT_SECRET: 's',
  RUCIO_URL: 'https://rucio.example.org',
  DATABASE_URL: 'postgresql://portal@db.example.org:5432/bdms_portal',
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
      scopes: 'openid profile email offline_access wlcg.groups storage.read:/',
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
        'DATABASE_URL',
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
    const prod = {
      ...base,
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://portal.example.org',
      TRUST_PROXY: '1',
    };
    expect(() => loadConfig(prod)).toThrow(/SESSION_SECRET: a secret of your own is required/);
    const secret = { ...prod, SESSION_SECRET: 'x'.repeat(32), LINK_SIGNING_KEY: 'k'.repeat(32) };
    expect(loadConfig(secret).production).toBe(true);
    expect(() =>
      loadConfig({ ...secret, OIDC_ISSUER: 'http://iam.example.org/', OIDC_ALLOW_INSECURE: '1' }),
    ).toThrow(/OIDC_ALLOW_INSECURE: must not be set[^]*OIDC_ISSUER: must be https/);
  });

  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['an https PUBLIC_URL', { PUBLIC_URL: 'https://portal.example.org' }],
  ])('when deployed (%s), then every development shortcut is refused', (_label, deployed) => {
    const secret = {
      ...base,
      ...deployed,
      SESSION_SECRET: 'x'.repeat(32),
      LINK_SIGNING_KEY: 'k'.repeat(32),
      TRUST_PROXY: '1',
    };
    expect(() => loadConfig({ ...secret, LINK_SIGNING_KEY: '' })).toThrow(/LINK_SIGNING_KEY/);
    expect(() =>
      loadConfig({ ...secret, LINK_SIGNING_KEY: 'dev-only-download-link-signing-key-change-me' }),
    ).toThrow(/LINK_SIGNING_KEY: a key of your own is required/);
    expect(() =>
      loadConfig({ ...secret, SESSION_SECRET: 'dev-only-session-secret-change-me' }),
    ).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ ...secret, RUCIO_URL: 'http://rucio.example.org' })).toThrow(
      /RUCIO_URL: must be https/,
    );
    expect(() => loadConfig({ ...secret, OIDC_ISSUER: 'http://iam.example.org/' })).toThrow(
      /OIDC_ISSUER: must be https/,
    );
    expect(() => loadConfig({ ...secret, OIDC_ALLOW_INSECURE: '1' })).toThrow(
      /OIDC_ALLOW_INSECURE: must not be set/,
    );
    expect(loadConfig(secret).oidc.allowInsecure).toBe(false);
  });

  it('when link lifetimes are set, then the default may not exceed the maximum, and both are hours', () => {
    expect(loadConfig(base).downloads.links).toMatchObject({ defaultHours: 24, maxHours: 168 });
    expect(() => loadConfig({ ...base, LINK_DEFAULT_HOURS: '48', LINK_MAX_HOURS: '24' })).toThrow(
      /LINK_DEFAULT_HOURS \(48\) must not exceed LINK_MAX_HOURS \(24\)/,
    );
    expect(() => loadConfig({ ...base, LINK_MAX_HOURS: '1.5' })).toThrow(/LINK_MAX_HOURS/);
    expect(loadConfig({ ...base, BUNDLE_MAX_FILES: '5' }).downloads.bundle.maxFiles).toBe(5);
  });

  it('when OIDC_PROMPT is unset, then no prompt is sent; a valid value is kept, a bad one refused', () => {
    expect(loadConfig(base).oidc.prompt).toBeUndefined();
    expect(loadConfig({ ...base, OIDC_PROMPT: 'consent' }).oidc.prompt).toBe('consent');
    expect(() => loadConfig({ ...base, OIDC_PROMPT: 'please' })).toThrow(/OIDC_PROMPT/);
  });

  it('when DATABASE_URL is missing or not PostgreSQL, then it refuses and says what is wanted', () => {
    const withoutDb: Record<string, string> = { ...base };
    delete withoutDb.DATABASE_URL;
    expect(() => loadConfig(withoutDb)).toThrow(/required: the portal database[^]*DATABASE_URL/);
    expect(() => loadConfig({ ...base, DATABASE_URL: 'mysql://db/portal' })).toThrow(
      /must be a postgresql:\/\/ URL[^]*DATABASE_URL/,
    );
    expect(() => loadConfig({ ...base, DATABASE_SCHEMA: 'a; drop' })).toThrow(/DATABASE_SCHEMA/);
    expect(loadConfig(base).database).toEqual({ url: base.DATABASE_URL, schema: 'public' });
  });

  it('when PUBLIC_URL is https, then cookies are secure', () => {
    const https = {
      ...base,
      PUBLIC_URL: 'https://portal.example.org/',
      SESSION_SECRET: 'x'.repeat(32),
      LINK_SIGNING_KEY: 'k'.repeat(32),
      TRUST_PROXY: '1',
    };
    expect(loadConfig(https)).toMatchObject({
      secureCookies: true,
      publicUrl: 'https://portal.example.org',
      publicOrigin: 'https://portal.example.org',
    });
  });

  it('when TRUST_PROXY is unset, then no proxy is trusted; a hop count or addresses are kept as Express takes them', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, loopback fd00::1' }).trustProxy).toEqual(
      ['10.0.0.0/8', 'loopback', 'fd00::1'],
    );
  });

  it('when TRUST_PROXY would believe anyone or names no address, then it refuses', () => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/would believe any client/);
    for (const bad of ['proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/2'])
      expect(() => loadConfig({ ...base, TRUST_PROXY: bad })).toThrow(
        new RegExp(`not an address[^]*${bad.replace(/[./]/g, '\\$&')}`),
      );
  });

  it('when PUBLIC_URL is https without TRUST_PROXY, then it refuses: the TLS proxy in front must be named', () => {
    const https = {
      ...base,
      PUBLIC_URL: 'https://portal.example.org',
      SESSION_SECRET: 'x'.repeat(32),
    };
    expect(() => loadConfig(https)).toThrow(/TRUST_PROXY: required when PUBLIC_URL is https/);
  });
});
