import { resolve } from 'node:path';
import { DEV_HOST, DEV_PORTS, devIssuer } from '@bdms/dev-fixtures';

/**
 * The real stack these tests talk to: the devstack's default ports, or the ones `devstack test`
 * passes (TEST_RUCIO_URL, TEST_IDP_ISSUER) when it runs on others, so that a checkout started on
 * other ports tests its own stack and never another one on the machine.
 */
export const RUCIO_URL = (
  process.env.TEST_RUCIO_URL ?? `http://${DEV_HOST}:${DEV_PORTS.rucio}`
).replace(/\/+$/, '');

/** Byte-exact, trailing slash: the issuer the stack's Rucio identities name. */
export const IDP_ISSUER = process.env.TEST_IDP_ISSUER ?? devIssuer();

/** The stack's GeoIP City database (the one its Rucio sorts with), for a BFF that places users. */
export const GEOIP_CITY_DB =
  process.env.TEST_GEOIP_CITY_DB ??
  resolve(import.meta.dirname, '../../../../.devstack/geoip/GeoLite2-City.mmdb');
