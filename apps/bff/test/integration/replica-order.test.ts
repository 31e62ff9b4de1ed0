import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplicaSummary } from '@bdms/contract';
import { DEV_GEO_CLIENTS, demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all, didUrl } from './did-helpers.ts';

/*
 * "Best replica" means closest to the user, not to the BFF: a browser in La Palma and one in
 * Berlin open the same file's replica summary through a real BFF (no proxy configured), and the
 * real Rucio, sorting with the devstack's GeoIP database, ranks the file's copies for each. The
 * browsers really connect from the loopback addresses the database places in those cities (the
 * request's source address), so the BFF learns where they are with no header at all.
 */
let bff: TestBff;
let cookie = '';
const { file } = recordedMeta();
const { laPalma, berlin } = DEV_GEO_CLIENTS;

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
});
afterAll(async () => {
  await bff.stop();
});

/** GET from a given source address (Node binds the client socket to it). */
function getFrom(localAddress: string, path: string, headers: Record<string, string> = {}) {
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

async function firstFor(localAddress: string, headers?: Record<string, string>) {
  const res = await getFrom(localAddress, didUrl(file, '/replicas/summary'), headers);
  expect(res.status).toBe(200);
  const { rses } = ReplicaSummary.parse(JSON.parse(res.body));
  return [...rses].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)).map((r) => r.rse);
}

describe('a file’s copies ranked for where the user is, against the real Rucio', () => {
  it('when the file has copies in La Palma and Zeuthen, then La Palma’s comes first from La Palma and Zeuthen’s from Berlin', async () => {
    const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
    const { token } = await rucio.authUserpass(RUCIO_ROOT);
    const [replicas] = await all(rucio.listFileReplicas({ token, dids: [file] }));
    expect(Object.keys(replicas?.rses ?? {})).toEqual(
      expect.arrayContaining(['CTAO-N-ONSITE', 'DESY-ZN-DISK']),
    );

    const fromLaPalma = await firstFor(laPalma.ip);
    expect(fromLaPalma[0]).toBe('CTAO-N-ONSITE');
    expect(fromLaPalma.indexOf('CTAO-N-ONSITE')).toBeLessThan(fromLaPalma.indexOf('DESY-ZN-DISK'));
    const fromBerlin = await firstFor(berlin.ip);
    expect(fromBerlin[0]).toBe('DESY-ZN-DISK');
    expect(fromBerlin.indexOf('DESY-ZN-DISK')).toBeLessThan(fromBerlin.indexOf('CTAO-N-ONSITE'));
  });

  it('when a browser in Berlin claims La Palma in X-Forwarded-For, then no proxy is trusted and Berlin still decides', async () => {
    const ranked = await firstFor(berlin.ip, { 'X-Forwarded-For': laPalma.ip });
    expect(ranked[0]).toBe('DESY-ZN-DISK');
  });
});
