import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_GEO_CLIENTS, DEV_RSE_HOSTS } from '@bdms/dev-fixtures';
import { describe, expect, it } from 'vitest';
import { clearForeignGeoipCache, geoipDownloadUrl, geoipSpec } from './geoip.ts';

const dir = mkdtempSync(join(tmpdir(), 'devstack-geoip-'));
const cache = join(dir, 'GeoLite2-City.mmdb');
const ours = {
  mmdb: join(dir, 'ours.mmdb'),
  sha256: createHash('sha256').update('our database').digest('hex'),
};

describe('clearForeignGeoipCache', () => {
  it('when Rucio has nothing cached, then there is nothing to do', () => {
    expect(clearForeignGeoipCache(ours, cache)).toBe('absent');
  });

  it('when the cached file is ours byte for byte, then it stays', () => {
    writeFileSync(cache, 'our database');
    expect(clearForeignGeoipCache(ours, cache)).toBe('ours');
    expect(existsSync(cache)).toBe(true);
  });

  it('when the cached file is another database (stale, foreign, half written), then it is removed', () => {
    writeFileSync(cache, 'our databas');
    expect(clearForeignGeoipCache(ours, cache)).toBe('removed');
    expect(existsSync(cache)).toBe(false);
  });
});

describe('geoipSpec', () => {
  it('then every RSE host and test client is placed, each address once, all on 127.0.0.x', () => {
    const spec = geoipSpec();
    const ips = [...Object.values(spec.rses), ...spec.clients.map((c) => c.ip)];
    expect(new Set(ips).size).toBe(ips.length);
    for (const ip of ips) expect(ip).toMatch(/^127\.0\.0\.\d{1,3}$/);
    expect(spec.rses).toEqual(DEV_RSE_HOSTS);
    expect(spec.clients.map((c) => c.ip)).toContain(DEV_GEO_CLIENTS.berlin.ip);
  });

  it('then the archive is offered by the storage server on 127.0.0.1', () => {
    expect(geoipDownloadUrl(4420)).toBe('http://127.0.0.1:4420/geoip/GeoLite2-City.tar.gz');
  });
});
