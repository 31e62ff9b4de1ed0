import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { api } from '@bdms/contract';
import { ConfigError } from '../../src/config.ts';
import { securityHeaders } from '../../src/middleware/security-headers.ts';
import { makeApp, PUBLIC_HTTPS, testConfig } from './helpers.ts';

const TEMPLATE = 'https://tile.example.org/osm/{z}/{x}/{y}.png?style=light';

/** The CSP the middleware sends for a config, one directive by name. */
async function directive(config: ReturnType<typeof testConfig>, name: string): Promise<string[]> {
  const app = express().use(securityHeaders(config));
  app.get('/', (_req, res) => res.send('ok'));
  const csp = (await request(app).get('/')).headers['content-security-policy'] ?? '';
  const found = csp.split(';').find((d) => d.trim().startsWith(`${name} `)) ?? '';
  return found.trim().split(/\s+/).slice(1);
}

describe('MAP_TILE_URL', () => {
  it('when unset, then the maps have no tiles and the CSP names no tile server', async () => {
    const config = testConfig();
    expect(config.mapTiles).toBeNull();
    expect(await directive(config, 'img-src')).toEqual(["'self'", 'data:']);
  });

  it('when an https template is set, then it is kept with its attribution and its origin joins img-src beside CSP_IMG_ORIGINS', async () => {
    const config = testConfig({
      MAP_TILE_URL: TEMPLATE,
      MAP_TILE_ATTRIBUTION: ' © OpenStreetMap contributors ',
      CSP_IMG_ORIGINS: 'https://storage.example.org/files',
    });
    expect(config.mapTiles).toEqual({
      url: TEMPLATE,
      attribution: '© OpenStreetMap contributors',
      origin: 'https://tile.example.org',
    });
    expect(await directive(config, 'img-src')).toEqual([
      "'self'",
      'data:',
      'https://storage.example.org',
      'https://tile.example.org',
    ]);
    // Images only: the tiles are <image> elements, never fetched by script.
    expect(await directive(config, 'connect-src')).toEqual(["'self'"]);
  });

  it('when the tile server is also in CSP_IMG_ORIGINS, then img-src names it once', async () => {
    const config = testConfig({
      MAP_TILE_URL: TEMPLATE,
      CSP_IMG_ORIGINS: 'https://tile.example.org',
    });
    expect(await directive(config, 'img-src')).toEqual([
      "'self'",
      'data:',
      'https://tile.example.org',
    ]);
  });

  it('when the host is loopback, then http is accepted in development (not when deployed)', () => {
    for (const url of [
      'http://127.0.0.1:8081/{z}/{x}/{y}.png',
      'http://localhost/tiles/{z}/{x}/{y}',
      'http://[::1]:9000/{z}/{x}/{y}.png',
    ])
      expect(testConfig({ MAP_TILE_URL: url }).mapTiles?.url).toBe(url);
    expect(() =>
      testConfig({ PUBLIC_URL: PUBLIC_HTTPS, MAP_TILE_URL: 'http://127.0.0.1/{z}/{x}/{y}.png' }),
    ).toThrow(/MAP_TILE_URL: must be https:\/\/ when PUBLIC_URL is https/);
    expect(testConfig({ PUBLIC_URL: PUBLIC_HTTPS, MAP_TILE_URL: TEMPLATE }).mapTiles?.url).toBe(
      TEMPLATE,
    );
  });

  it.each([
    [
      'http://tile.example.org/{z}/{x}/{y}.png',
      /must be https:\/\/ \(http:\/\/ only for a loopback/,
    ],
    [
      'https://tile.example.org/{z}/{x}.png',
      /must contain \{z\}, \{x\} and \{y\} \(missing \{y\}\)/,
    ],
    ['https://tile.example.org/tiles.png', /missing \{z\} \{x\} \{y\}/],
    [
      'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      /not \{s\}[^]*placeholders belong in the path/,
    ],
    ['https://user:pw@tile.example.org/{z}/{x}/{y}.png', /must not carry a user or password/],
    ['ftp://tile.example.org/{z}/{x}/{y}.png', /must be https:\/\/, not ftp:/],
    ['tile.example.org/{z}/{x}/{y}.png', /must be a URL template like https:/],
  ])('when it is %s, then the BFF refuses to start and says why', (url, why) => {
    const start = () => testConfig({ MAP_TILE_URL: url });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(why);
    expect(start).toThrow(/MAP_TILE_URL/);
  });

  it('when it is empty, then it counts as unset, and an attribution alone changes nothing', () => {
    expect(testConfig({ MAP_TILE_URL: ' ' }).mapTiles).toBeNull();
    expect(testConfig({ MAP_TILE_ATTRIBUTION: '© someone' }).mapTiles).toBeNull();
  });
});

describe('GET /api/settings', () => {
  it('when no tile server is configured, then anyone (no session) learns that the maps have none', async () => {
    const res = await request(makeApp().app).get(api.settings.path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mapTiles: null });
  });

  it('when one is configured, then the template and attribution are sent, nothing else of the config', async () => {
    const { app } = makeApp({
      env: { MAP_TILE_URL: TEMPLATE, MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors' },
    });
    const res = await request(app).get(api.settings.path);
    expect(res.body).toEqual({
      mapTiles: { url: TEMPLATE, attribution: '© OpenStreetMap contributors' },
    });
    expect(res.text).not.toContain('secret');
    expect(res.headers['content-security-policy']).toMatch(
      /img-src [^;]*https:\/\/tile\.example\.org/,
    );
  });
});
