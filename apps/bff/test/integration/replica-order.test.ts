import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplicaSummary } from '@bdms/contract';
import { DEV_GEO_CLIENTS, demoUser, RUCIO_ROOT, type GeoPlace } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all, didUrl } from './did-helpers.ts';
import { startHoldingProxy, type HoldingProxy } from './rucio-proxy.ts';
import { GEOIP_CITY_DB } from './stack.ts';

/*
 * "Best replica" means closest to the user, not to the BFF: a browser in La Palma and one in
 * Berlin open the same file's replica summary through a real BFF (no proxy configured), and the
 * real Rucio, sorting with the devstack's GeoIP database, ranks the file's copies for each. The
 * browsers really connect from the loopback addresses the database places in those cities (the
 * request's source address), so the BFF learns where they are with no header at all.
 *
 * Twice: a BFF that places the address itself (GEOIP_CITY_DB, the stack's own database, as the
 * devstack runs it) and sends Rucio the coordinates with it, and one that sends the address alone
 * (Rucio places it). A proxy in front of Rucio shows what each one sent.
 */
const { file } = recordedMeta();
const { laPalma, berlin } = DEV_GEO_CLIENTS;

/** GET from a given source address (Node binds the client socket to it). */
function getFrom(
  bff: TestBff,
  cookie: string,
  localAddress: string,
  path: string,
  headers: Record<string, string> = {},
) {
  const target = new URL(path, bff.url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      target,
      { localAddress, headers: { Cookie: cookie, Accept: 'application/json', ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

it('the unit tests’ GeoIP fixture is the database this stack wrote (re-copy it when the places change)', () => {
  const fixture = new URL('../fixtures/devstack-GeoLite2-City.mmdb', import.meta.url);
  expect(readFileSync(fixture).equals(readFileSync(GEOIP_CITY_DB))).toBe(true);
});

it('the file has copies in La Palma and Zeuthen', async () => {
  const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const [replicas] = await all(rucio.listFileReplicas({ token, dids: [file] }));
  expect(Object.keys(replicas?.rses ?? {})).toEqual(
    expect.arrayContaining(['CTAO-N-ONSITE', 'DESY-ZN-DISK']),
  );
});

interface Mode {
  mode: string;
  env: Record<string, string>;
  /** The client_location the BFF sends Rucio for a browser at `place`. */
  sent: (place: GeoPlace) => Record<string, unknown>;
}
const modes: Mode[] = [
  {
    mode: 'a BFF that places the address itself (GEOIP_CITY_DB)',
    env: { GEOIP_CITY_DB },
    sent: (place: GeoPlace) => ({
      ip: place.ip,
      latitude: place.latitude,
      longitude: place.longitude,
    }),
  },
  {
    mode: 'a BFF without a GeoIP database',
    env: {},
    sent: (place: GeoPlace) => ({ ip: place.ip }),
  },
];

describe.each(modes)(
  'a file’s copies ranked for where the user is, against the real Rucio: $mode',
  ({ env, sent }) => {
    let bff: TestBff;
    let proxy: HoldingProxy;
    let cookie = '';

    beforeAll(async () => {
      proxy = await startHoldingProxy(RUCIO_URL);
      bff = await startBff(undefined, { rucioUrl: proxy.url, env });
      cookie = (await login(bff, demoUser('astronomer'))).cookie;
    });
    afterAll(async () => {
      await bff.stop();
      await proxy.stop();
    });

    /** The file's RSEs as ranked for a browser at `localAddress`, and what the BFF sent Rucio. */
    async function rankedFor(localAddress: string, headers?: Record<string, string>) {
      const before = proxy.requests.length;
      const res = await getFrom(
        bff,
        cookie,
        localAddress,
        didUrl(file, '/replicas/summary'),
        headers,
      );
      expect(res.status).toBe(200);
      const { rses } = ReplicaSummary.parse(JSON.parse(res.body));
      const lists = proxy.requests.slice(before).filter((r) => r.path === '/replicas/list');
      expect(lists).toHaveLength(1);
      const body = JSON.parse(lists[0]?.body ?? '{}') as { client_location?: unknown };
      return {
        ranked: [...rses]
          .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
          .map((r) => r.rse),
        location: body.client_location,
      };
    }

    it('when the file has copies in La Palma and Zeuthen, then La Palma’s comes first from La Palma and Zeuthen’s from Berlin', async () => {
      const fromLaPalma = await rankedFor(laPalma.ip);
      expect(fromLaPalma.location).toEqual(sent(laPalma));
      expect(fromLaPalma.ranked[0]).toBe('CTAO-N-ONSITE');
      expect(fromLaPalma.ranked.indexOf('CTAO-N-ONSITE')).toBeLessThan(
        fromLaPalma.ranked.indexOf('DESY-ZN-DISK'),
      );
      const fromBerlin = await rankedFor(berlin.ip);
      expect(fromBerlin.location).toEqual(sent(berlin));
      expect(fromBerlin.ranked[0]).toBe('DESY-ZN-DISK');
      expect(fromBerlin.ranked.indexOf('DESY-ZN-DISK')).toBeLessThan(
        fromBerlin.ranked.indexOf('CTAO-N-ONSITE'),
      );
    });

    it('when a browser in Berlin claims La Palma in X-Forwarded-For, then no proxy is trusted and Berlin still decides', async () => {
      const { ranked, location } = await rankedFor(berlin.ip, { 'X-Forwarded-For': laPalma.ip });
      expect(location).toEqual(sent(berlin));
      expect(ranked[0]).toBe('DESY-ZN-DISK');
    });

    it('when the browser’s address is one the database does not place, then the address goes alone', async () => {
      const { location } = await rankedFor('127.0.0.1');
      expect(location).toEqual({ ip: '127.0.0.1' });
    });
  },
);
