import { describe, expect, it } from 'vitest';
import { ReplicaLocks, RseDetails, RseSiteList } from '@bdms/contract';
import { loadRecording, recordedMeta, type Recording } from '@bdms/rucio-client/testing';
import { replayGet } from './replay-app.ts';

/*
 * The sites map, an RSE's page and a DID's locks per RSE: the BFF over the real client replaying
 * the real Rucio's answers (packages/rucio-client/scripts/record-rses.ts).
 */

const { dataset, file, container } = recordedMeta();
const didUrl = (did: { scope: string; name: string }) =>
  `/api/dids/${encodeURIComponent(did.scope)}/${encodeURIComponent(did.name)}/replicas/locks`;
const lines = (name: string) =>
  loadRecording(name)
    .response.body.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const get = (path: string, recordings: (string | Recording)[]) => replayGet(path, recordings);

const RSE_PAGE = [
  'rses',
  'rse-info',
  'rse-attributes',
  'rse-usage',
  'rse-account-usage',
  'rse-datasets',
];

describe('GET /api/rses', () => {
  it('lists every RSE by name with its place, tape told from disk', async () => {
    const { res } = await get('/api/rses', ['rses']);
    const { rses } = RseSiteList.parse(res.body);
    const names = rses.map((r) => r.rse);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(lines('rses').length);
    expect(rses.find((r) => r.rse === 'CTAO-N-ONSITE')).toMatchObject({
      type: 'DISK',
      city: 'La Palma',
      country: 'Spain',
      latitude: 28.7622,
      longitude: -17.892,
    });
    expect(rses.find((r) => r.rse === 'PIC-TAPE')?.type).toBe('TAPE');
    expect(rses.every((r) => r.coordinatesProblem === null)).toBe(true);
  });

  it('when Rucio holds malformed coordinates, then the RSE is listed unplaced with the reason, not refused', async () => {
    // The real recording, with coordinates no one should have stored.
    const recorded = loadRecording('rses');
    const broken = lines('rses').map((r) =>
      r.rse === 'PIC-TAPE'
        ? { ...r, latitude: 123.4 }
        : r.rse === 'CSCS-DISK'
          ? { ...r, latitude: 'north', longitude: null }
          : r,
    );
    const body = `${broken.map((r) => JSON.stringify(r)).join('\n')}\n`;
    const { res } = await get('/api/rses', [
      { ...recorded, response: { ...recorded.response, body } },
    ]);
    const { rses } = RseSiteList.parse(res.body);
    expect(rses.find((r) => r.rse === 'PIC-TAPE')).toMatchObject({
      latitude: null,
      longitude: null,
      coordinatesProblem:
        "Rucio's coordinates are unusable: latitude 123.4 is not a number between −90 and 90",
    });
    expect(rses.find((r) => r.rse === 'CSCS-DISK')?.coordinatesProblem).toBe(
      'Rucio\'s coordinates are unusable: latitude "north" is not a number between −90 and 90; no longitude',
    );
    expect(rses.find((r) => r.rse === 'CTAO-N-ONSITE')?.coordinatesProblem).toBeNull();
  });
});

describe('GET /api/rses/:rse', () => {
  it('when the RSE exists, then place, protocols, usage, account limits and its largest datasets come', async () => {
    const { res } = await get('/api/rses/DESY-ZN-DISK', RSE_PAGE);
    expect(res.status).toBe(200);
    const d = RseDetails.parse(res.body);
    expect(d).toMatchObject({ rse: 'DESY-ZN-DISK', city: 'Zeuthen', type: 'DISK' });
    expect(d.protocols[0]).toMatchObject({
      hostname: '127.0.0.13',
      domains: { wan: expect.arrayContaining(['read', 'write']) as string[] },
    });
    expect(d.attributes).toMatchObject({ OFFSITE: true });
    expect(d.usage.find((u) => u.source === 'rucio')?.updatedAt).toMatch(/Z$/);
    expect(d.accountLimits?.find((a) => a.account === 'alice')).toMatchObject({
      limitBytes: 100_000,
      unlimited: false,
    });
    expect(d.accountLimits?.find((a) => a.account === 'root')).toMatchObject({
      limitBytes: null,
      unlimited: false,
    });
    const recorded = lines('rse-datasets');
    expect(d.datasets).toBe(recorded.length);
    const largest = Math.max(...recorded.map((r) => r.bytes as number));
    expect(d.topDatasets[0]?.bytes).toBe(largest);
    const sizes = d.topDatasets.map((t) => t.bytes ?? 0);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(d.topDatasets.length).toBe(Math.min(20, recorded.length));
  });

  it('when Rucio refuses the accounts’ usage to this account, then the rest still shows', async () => {
    const forbidden: Recording = {
      request: { method: 'GET', path: '/rses/DESY-ZN-DISK/accounts/usage', accept: null },
      response: {
        status: 403,
        headers: { exceptionclass: 'AccessDenied', exceptionmessage: 'not allowed' },
        body: '',
      },
    };
    const { res } = await get('/api/rses/DESY-ZN-DISK', [
      ...RSE_PAGE.slice(0, 4),
      forbidden,
      'rse-datasets',
    ]);
    expect(res.status).toBe(200);
    expect(RseDetails.parse(res.body).accountLimits).toBeNull();
  });

  it('when Rucio does not know the RSE, then 404 in its words', async () => {
    const { res } = await get('/api/rses/NO-SUCH-RSE', ['rse-info-unknown']);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    expect(res.body.error.message).toContain('NO-SUCH-RSE');
  });

  it('when the name cannot be an RSE, then 400 names the parameter and Rucio is not asked', async () => {
    const { res, seen } = await get('/api/rses/desy%20disk', []);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('rse');
    expect(seen).toHaveLength(0);
  });
});

describe('GET /api/dids/:scope/:name/replicas/locks', () => {
  it('for a dataset, then its own locks are counted per RSE', async () => {
    const { res } = await get(didUrl(dataset), ['did-info-dataset', 'dataset-locks']);
    const locks = ReplicaLocks.parse(res.body);
    expect(locks.source).toBe('dataset');
    const recorded = lines('dataset-locks');
    const rses = [...new Set(recorded.map((l) => l.rse as string))].sort();
    expect(locks.rses.map((r) => r.rse)).toEqual(rses);
    expect(locks.rses.reduce((n, r) => n + r.ok + r.replicating + r.stuck, 0)).toBe(
      recorded.length,
    );
  });

  it('for a container, then its datasets’ locks come from one bulk call', async () => {
    const { res, seen } = await get(didUrl(container), [
      'did-info-container',
      'dataset-locks-bulk-container',
    ]);
    const locks = ReplicaLocks.parse(res.body);
    expect(locks.source).toBe('container');
    const total = locks.rses.reduce((n, r) => n + r.ok + r.replicating + r.stuck, 0);
    expect(total).toBe(lines('dataset-locks-bulk-container').length);
    expect(seen.filter((s) => s.url.includes('/locks/'))).toHaveLength(1);
  });

  it('for a file, then the locks of the datasets holding it are counted', async () => {
    const { res } = await get(didUrl(file), [
      'did-info-file',
      'did-parents-file',
      'dataset-locks-bulk-dataset',
    ]);
    const locks = ReplicaLocks.parse(res.body);
    expect(locks.source).toBe('file_parents');
    expect(locks.rses.length).toBeGreaterThan(0);
  });
});
