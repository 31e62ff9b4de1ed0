import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ReplicaSummary } from '@bdms/contract';
import { DEV_GEO_CLIENTS } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { loadRecording, recordedMeta, replayFetch } from '@bdms/rucio-client/testing';
import { openGeolocator, type Geolocate } from '../../src/http/geolocate.ts';
import { login, makeApp, replayedRucio } from './helpers.ts';

/*
 * The user's location on the replica list: the browser's address as the BFF may believe it goes
 * to Rucio (client_location and X-Forwarded-For), which orders a file's copies by distance from
 * it. X-Forwarded-For from the browser counts only through the proxy named in TRUST_PROXY. The
 * real client replays the real Rucio's answers for a La Palma and a Berlin client
 * (rucio-client scripts/record-replica-order.ts).
 */

const { file } = recordedMeta();
const path = `/api/dids/${encodeURIComponent(file.scope)}/${encodeURIComponent(file.name)}/replicas/summary`;
const { laPalma, berlin } = DEV_GEO_CLIENTS;

async function summaryFrom(
  recording: string,
  options: { env?: Record<string, string>; forwardedFor?: string; geolocate?: Geolocate },
) {
  const replay = replayFetch([loadRecording('did-info-file'), loadRecording(recording)]);
  const client = createRucioClient({
    baseUrl: 'http://rucio.test',
    userAgent: 't',
    fetch: replay.fetch,
  });
  const t = makeApp({
    rucio: replayedRucio(client),
    env: options.env,
    geolocate: options.geolocate,
  });
  const { sessionCookie } = await login(t);
  const req = request(t.app).get(path).set('Cookie', sessionCookie);
  const res = await (options.forwardedFor ? req.set('X-Forwarded-For', options.forwardedFor) : req);
  expect(res.status).toBe(200);
  const sent = replay.seen.find((s) => s.url.endsWith('/replicas/list'));
  return {
    summary: ReplicaSummary.parse(res.body),
    header: sent?.headers.get('X-Forwarded-For'),
    location: (JSON.parse(sent?.body ?? '{}') as { client_location?: unknown }).client_location,
  };
}

const rankOf = (s: ReplicaSummary) => Object.fromEntries(s.rses.map((r) => [r.rse, r.rank]));

describe('the user’s location on a file’s replica summary', () => {
  it('when no proxy is configured, then a browser’s X-Forwarded-For is ignored and its own address goes to Rucio', async () => {
    const { header, location } = await summaryFrom('file-replicas-from-berlin', {
      forwardedFor: berlin.ip,
    });
    // supertest connects from the loopback (an IPv4-mapped address on a dual-stack listener).
    expect(header).toBe('127.0.0.1');
    expect(location).toEqual({ ip: '127.0.0.1' });
  });

  it('when the proxy is trusted, then the address it forwards goes to Rucio, and the copies are ranked as Rucio offers them', async () => {
    const env = { TRUST_PROXY: 'loopback' };
    const fromBerlin = await summaryFrom('file-replicas-from-berlin', {
      env,
      forwardedFor: berlin.ip,
    });
    expect(fromBerlin.header).toBe(berlin.ip);
    expect(fromBerlin.location).toEqual({ ip: berlin.ip });
    expect(rankOf(fromBerlin.summary)).toEqual({
      'DESY-ZN-DISK': 1,
      'INFN-FRASCATI-DISK': 2,
      'PIC-TAPE': 3,
      'CTAO-N-ONSITE': 4,
    });
    const fromLaPalma = await summaryFrom('file-replicas-from-la-palma', {
      env,
      forwardedFor: laPalma.ip,
    });
    expect(fromLaPalma.header).toBe(laPalma.ip);
    expect(rankOf(fromLaPalma.summary)['CTAO-N-ONSITE']).toBe(1);
    // Rows stay sorted by RSE name; only the rank says the order.
    expect(fromLaPalma.summary.rses.map((r) => r.rse)).toEqual(
      [...fromLaPalma.summary.rses.map((r) => r.rse)].sort(),
    );
  });

  it('when the BFF has a GeoIP database, then the coordinates it finds for the address go to Rucio with it', async () => {
    const geolocate = openGeolocator(
      new URL('../fixtures/devstack-GeoLite2-City.mmdb', import.meta.url).pathname,
    );
    const fromBerlin = await summaryFrom('file-replicas-from-berlin', {
      env: { TRUST_PROXY: 'loopback' },
      forwardedFor: berlin.ip,
      geolocate,
    });
    expect(fromBerlin.header).toBe(berlin.ip);
    expect(fromBerlin.location).toEqual({
      ip: berlin.ip,
      latitude: berlin.latitude,
      longitude: berlin.longitude,
    });
    // An address the database does not place (the loopback itself) goes alone.
    const unplaced = await summaryFrom('file-replicas-from-berlin', { geolocate });
    expect(unplaced.location).toEqual({ ip: '127.0.0.1' });
  });

  it('when one proxy hop is trusted, then only the address that proxy appended counts, not one the browser put before it', async () => {
    const { header } = await summaryFrom('file-replicas-from-berlin', {
      env: { TRUST_PROXY: '1' },
      forwardedFor: `${laPalma.ip}, ${berlin.ip}`,
    });
    expect(header).toBe(berlin.ip);
  });
});
