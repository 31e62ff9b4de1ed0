import { readFileSync } from 'node:fs';
import { Reader, type CityResponse } from 'mmdb-lib';
import type { Coordinates } from '@bdms/rucio-client';
import { ConfigError } from '../config.ts';
import type { RucioPort } from '../rucio-port.ts';

/** Where an address is, or undefined when the database does not place it. */
export type Geolocate = (ip: string) => Coordinates | undefined;

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * A GeoIP2 or GeoLite2 City database (MaxMind DB format), read once at start: the same kind of
 * database Rucio's geoip sort reads (`[core] geoip_download_url`). A City database of the whole
 * world is some 60 MB, held in memory. A file that is missing or of another kind stops the BFF
 * at start with a ConfigError naming GEOIP_CITY_DB.
 */
export function openGeolocator(path: string): Geolocate {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ConfigError(`GEOIP_CITY_DB: cannot read ${path}: ${reason(err)}`);
  }
  let reader: Reader<CityResponse>;
  try {
    reader = new Reader<CityResponse>(bytes);
  } catch (err) {
    throw new ConfigError(`GEOIP_CITY_DB: ${path} is not a MaxMind DB file (${reason(err)})`);
  }
  const type = reader.metadata.databaseType;
  if (!type.includes('City'))
    throw new ConfigError(
      `GEOIP_CITY_DB: ${path} is a ${type} database; a GeoIP2 or GeoLite2 City database places addresses`,
    );
  return (ip) => {
    let found: CityResponse | null;
    try {
      found = reader.get(ip);
    } catch {
      return undefined; // not an address: nothing to place
    }
    const location = found?.location;
    if (typeof location?.latitude !== 'number' || typeof location.longitude !== 'number')
      return undefined;
    return { latitude: location.latitude, longitude: location.longitude };
  };
}

/**
 * The Rucio port whose replica lists carry the user's coordinates with their address: Rucio's
 * geoip sort then measures from those instead of looking the address up again for every replica
 * (core/replica_sorter.py places both ends of each distance). An address the database does not
 * place goes alone, and Rucio looks it up (finding, with the same database, nothing either).
 */
export function withClientCoordinates<P extends Pick<RucioPort, 'listFileReplicas'>>(
  rucio: P,
  locate: Geolocate | undefined,
): P {
  if (!locate) return rucio;
  const list = rucio.listFileReplicas;
  const listFileReplicas: RucioPort['listFileReplicas'] = (options) =>
    list(
      options.clientIp === undefined || options.clientCoordinates !== undefined
        ? options
        : { ...options, clientCoordinates: locate(options.clientIp) },
    );
  return { ...rucio, listFileReplicas };
}
