import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_GEO_CLIENTS } from '@bdms/dev-fixtures';
import type { RucioPort } from '../../src/rucio-port.ts';
import { ConfigError } from '../../src/config.ts';
import { openGeolocator, withClientCoordinates } from '../../src/http/geolocate.ts';
import { testConfig } from './helpers.ts';

/*
 * The BFF places the browser's address with a GeoIP2 City database and sends Rucio the
 * coordinates. The fixture is the devstack's own database as apps/devstack/python/geoip_db.py
 * writes it (mmdb-writer; byte-identical for the same places): the BFF's integration tests check
 * that it still equals the one the running stack wrote.
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/devstack-GeoLite2-City.mmdb');
const { laPalma, berlin, santiago } = DEV_GEO_CLIENTS;
const scratch = mkdtempSync(join(tmpdir(), 'bff-geoip-'));

describe('openGeolocator', () => {
  it('when an address is in the database, then its coordinates are the place the database gives', () => {
    const locate = openGeolocator(FIXTURE);
    for (const place of [laPalma, berlin, santiago])
      expect(locate(place.ip)).toEqual({ latitude: place.latitude, longitude: place.longitude });
  });

  it('when the database does not place an address, or it is not an address, then nothing is found', () => {
    const locate = openGeolocator(FIXTURE);
    for (const ip of ['127.0.0.1', '::1', '2001:db8::1', 'not-an-address', ''])
      expect(locate(ip)).toBeUndefined();
  });

  it('when the file is missing, then the BFF does not start, and the error names GEOIP_CITY_DB and the path', () => {
    const missing = join(scratch, 'nowhere.mmdb');
    expect(() => openGeolocator(missing)).toThrow(ConfigError);
    expect(() => openGeolocator(missing)).toThrow(`GEOIP_CITY_DB: cannot read ${missing}`);
  });

  it('when the file is not a MaxMind database, then the error says so', () => {
    const text = join(scratch, 'notes.mmdb');
    writeFileSync(text, 'these are not the addresses you are looking for\n');
    expect(() => openGeolocator(text)).toThrow(`GEOIP_CITY_DB: ${text} is not a MaxMind DB file`);
  });

  it('when the file is a MaxMind database of another kind, then the error names its kind', () => {
    // The fixture with its metadata's database_type, GeoLite2-City, renamed (same length).
    const bytes = readFileSync(FIXTURE);
    const at = bytes.indexOf('GeoLite2-City');
    expect(at).toBeGreaterThan(0);
    bytes.write('GeoIP2-Domain', at, 'latin1');
    const domain = join(scratch, 'domain.mmdb');
    writeFileSync(domain, bytes);
    expect(() => openGeolocator(domain)).toThrow(
      `GEOIP_CITY_DB: ${domain} is a GeoIP2-Domain database; a GeoIP2 or GeoLite2 City database places addresses`,
    );
  });
});

describe('withClientCoordinates', () => {
  type Listed = Parameters<RucioPort['listFileReplicas']>[0];
  const recorder = () => {
    const seen: Listed[] = [];
    const port = {
      listFileReplicas: (options: Listed) => {
        seen.push(options);
        return (async function* () {})();
      },
      ping: () => Promise.resolve(true),
    } as unknown as Pick<RucioPort, 'listFileReplicas' | 'ping'>;
    return { seen, port };
  };
  const dids = [{ scope: 'acada', name: 'f' }];

  it('when the user’s address is placed, then the replica list carries its coordinates, and other calls are the same functions', () => {
    const { seen, port } = recorder();
    const wrapped = withClientCoordinates(port, openGeolocator(FIXTURE));
    void wrapped.listFileReplicas({ token: 't', dids, clientIp: laPalma.ip });
    expect(seen[0]).toEqual({
      token: 't',
      dids,
      clientIp: laPalma.ip,
      clientCoordinates: { latitude: laPalma.latitude, longitude: laPalma.longitude },
    });
    expect(wrapped.ping).toBe(port.ping);
  });

  it('when the call names coordinates, no address, or an address not placed, then the database adds nothing', () => {
    const { seen, port } = recorder();
    const wrapped = withClientCoordinates(port, openGeolocator(FIXTURE));
    const given = { latitude: 1.5, longitude: 2.5 };
    void wrapped.listFileReplicas({
      token: 't',
      dids,
      clientIp: berlin.ip,
      clientCoordinates: given,
    });
    void wrapped.listFileReplicas({ token: 't', dids });
    void wrapped.listFileReplicas({ token: 't', dids, clientIp: '127.0.0.1' });
    expect(seen.map((o) => o.clientCoordinates)).toEqual([given, undefined, undefined]);
  });

  it('when no database is configured, then the port is the one given', () => {
    const { port } = recorder();
    expect(withClientCoordinates(port, undefined)).toBe(port);
  });
});

describe('GEOIP_CITY_DB', () => {
  it('when it is unset or blank, then the BFF sends the address alone; when set, the path is kept', () => {
    expect(testConfig().geoipCityDb).toBeUndefined();
    expect(testConfig({ GEOIP_CITY_DB: '  ' }).geoipCityDb).toBeUndefined();
    expect(testConfig({ GEOIP_CITY_DB: ' /srv/geoip/GeoLite2-City.mmdb ' }).geoipCityDb).toBe(
      '/srv/geoip/GeoLite2-City.mmdb',
    );
  });
});
