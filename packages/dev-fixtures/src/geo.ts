/**
 * Where things are on the devstack's map. Rucio's default replica sort (geoip) looks up the IP of
 * each replica's storage host and of the client in a GeoIP2 City database; the devstack writes one
 * of its own (apps/devstack/python/geoip_db.py) that places these loopback addresses. Everything
 * stays on 127.0.0.x: the whole 127.0.0.0/8 range is the loopback interface on Linux, so each
 * address can be bound and connected to without any network set-up.
 */

/**
 * Each RSE's storage endpoint (its `http` protocol's hostname); the dev storage server listens on
 * every one, and the GeoIP database puts each at its RSE's site (seed reference.py coordinates).
 */
export const DEV_RSE_HOSTS = {
  'CTAO-N-ONSITE': '127.0.0.11',
  'CTAO-S-ONSITE': '127.0.0.12',
  'DESY-ZN-DISK': '127.0.0.13',
  'CSCS-DISK': '127.0.0.14',
  'INFN-FRASCATI-DISK': '127.0.0.15',
  'PIC-TAPE': '127.0.0.16',
} as const satisfies Record<string, string>;

export type DevRse = keyof typeof DEV_RSE_HOSTS;

export interface GeoPlace {
  ip: string;
  city: string;
  countryCode: string;
  countryName: string;
  /** GeoIP2 continent code (EU, SA…). */
  continent: string;
  latitude: number;
  longitude: number;
}

/**
 * Client addresses the database places, for tests and demos: a client that connects from one of
 * them (Node: `localAddress`) is, for Rucio, in that city. 127.0.0.1 is placed nowhere, like any
 * address a real GeoIP database does not know: Rucio then keeps its own replica order.
 */
export const DEV_GEO_CLIENTS = {
  laPalma: {
    ip: '127.0.0.101',
    city: 'Santa Cruz de La Palma',
    countryCode: 'ES',
    countryName: 'Spain',
    continent: 'EU',
    latitude: 28.6835,
    longitude: -17.7642,
  },
  berlin: {
    ip: '127.0.0.102',
    city: 'Berlin',
    countryCode: 'DE',
    countryName: 'Germany',
    continent: 'EU',
    latitude: 52.52,
    longitude: 13.405,
  },
  santiago: {
    ip: '127.0.0.103',
    city: 'Santiago',
    countryCode: 'CL',
    countryName: 'Chile',
    continent: 'SA',
    latitude: -33.4489,
    longitude: -70.6693,
  },
} as const satisfies Record<string, GeoPlace>;
