import { describe, expect, it } from 'vitest';
import { DEV_GEO_CLIENTS } from '@bdms/dev-fixtures';
import { RucioError } from '../src/index.ts';
import { all, loadRecording, recordedMeta, replayClient, type Recording } from './replay.ts';

/** The DID page's Rucio calls, replayed from responses recorded on the real devstack server. */
const client = replayClient;

const lineCount = (rec: Recording): number => rec.response.body.split('\n').filter(Boolean).length;
const { dataset, file, container, partial, partialFile } = recordedMeta();
const token = 'tok';

describe('getDid', () => {
  it('when a dataset is asked for, then Rucio sums its files (dynamic_depth=FILE) and the path keeps the slash name in one segment', async () => {
    const { rucio, seen } = client(['did-info-dataset']);
    const did = await rucio.getDid({ token, ...dataset });
    expect(did).toMatchObject({ ...dataset, type: 'DATASET', account: expect.any(String) });
    expect(did.length).toBeGreaterThan(0);
    expect(did.bytes).toBeGreaterThan(0);
    expect(new URL(seen[0]?.url ?? '').pathname).toBe(
      `/dids/${dataset.scope}/${encodeURIComponent(dataset.name)}`,
    );
  });

  it('when a container is asked for, then its size comes summed over every file below it', async () => {
    const { rucio } = client(['did-info-container']);
    const did = await rucio.getDid({ token, ...container });
    expect(did.type).toBe('CONTAINER');
    expect(did.length).toBeGreaterThan(0);
    expect(did.open).toBe(true);
  });

  it('when a file is asked for, then its checksums come with it', async () => {
    const { rucio } = client(['did-info-file']);
    const did = await rucio.getDid({ token, ...file });
    expect(did).toMatchObject({ type: 'FILE', adler32: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(did.md5).toMatch(/^[0-9a-f]{32}$/);
  });

  it('when the DID does not exist, then RucioError 404 DataIdentifierNotFound', async () => {
    const { rucio } = client(['did-info-not-found']);
    await expect(
      rucio.getDid({ token, scope: dataset.scope, name: `${dataset.name}-nope` }),
    ).rejects.toMatchObject({
      status: 404,
      exceptionClass: 'DataIdentifierNotFound',
    });
  });
});

describe('getDidMeta', () => {
  it('when the JSON plugin is asked for a file, then the CTAO keys come typed as Rucio stored them', async () => {
    const { rucio, seen } = client(['did-meta-file-json']);
    const meta = await rucio.getDidMeta({ token, ...file, plugin: 'JSON' });
    expect(meta).toMatchObject({ obs_id: expect.any(Number), observatory: 'CTA' });
    expect(new URL(seen[0]?.url ?? '').search).toBe('?plugin=JSON');
  });

  it('when the DID_COLUMN plugin is asked, then the row holds dates and status flags', async () => {
    const { rucio } = client(['did-meta-dataset-column']);
    const meta = await rucio.getDidMeta({ token, ...dataset, plugin: 'DID_COLUMN' });
    expect(meta).toMatchObject({ did_type: 'DATASET', created_at: expect.stringMatching(/UTC$/) });
    expect(meta).toHaveProperty('availability');
  });

  it('when a dataset has no JSON metadata, then the dictionary is empty', async () => {
    const { rucio } = client(['did-meta-dataset-json']);
    expect(await rucio.getDidMeta({ token, ...dataset, plugin: 'JSON' })).toEqual({});
  });
});

describe('listParents', () => {
  it('when a file is asked, then its dataset is streamed, also across tiny chunks', async () => {
    const { rucio } = client(['did-parents-file'], 5);
    const parents = await all(rucio.listParents({ token, ...file }));
    expect(parents).toEqual([{ ...dataset, type: 'DATASET' }]);
  });

  it('when the DID does not exist, then Rucio 41 streams nothing (no 404)', async () => {
    const { rucio } = client(['did-parents-not-found']);
    expect(
      await all(rucio.listParents({ token, scope: dataset.scope, name: `${dataset.name}-nope` })),
    ).toEqual([]);
  });
});

describe('listDidRules', () => {
  it('when a dataset carries rules, then each arrives with its state and lock counts', async () => {
    const rec = loadRecording('did-rules-dataset');
    const { rucio } = client(['did-rules-dataset'], 64);
    const rules = await all(rucio.listDidRules({ token, ...dataset }));
    expect(rules).toHaveLength(lineCount(rec));
    expect(rules[0]).toMatchObject({
      ...dataset,
      state: expect.any(String),
      copies: expect.any(Number),
    });
    expect(rules[0]?.locks_ok_cnt).toBeGreaterThanOrEqual(0);
  });

  it('when the DID does not exist, then RucioError 404 (unlike parents)', async () => {
    const { rucio } = client(['did-rules-not-found']);
    await expect(
      all(rucio.listDidRules({ token, scope: dataset.scope, name: `${dataset.name}-nope` })),
    ).rejects.toBeInstanceOf(RucioError);
  });
});

describe('listDatasetReplicas', () => {
  it('when asked deep, then the path is /replicas/<scope>/<encoded name>/datasets?deep=true and lines carry available/total', async () => {
    const { rucio, seen } = client(['dataset-replicas-partial-deep']);
    const rows = await all(rucio.listDatasetReplicas({ token, ...partial, deep: true }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({
      rse: expect.any(String),
      available_length: expect.any(Number),
    });
    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname + url.search).toBe(
      `/replicas/${partial.scope}/${encodeURIComponent(partial.name)}/datasets?deep=true`,
    );
  });

  it('when asked from the collection-replica table, then RSEs still being filled are listed as UNAVAILABLE', async () => {
    const { rucio } = client(['dataset-replicas-partial']);
    const rows = await all(rucio.listDatasetReplicas({ token, ...partial }));
    expect(rows.some((r) => r.state === 'UNAVAILABLE' && r.available_length === 0)).toBe(true);
  });
});

describe('listFileReplicas', () => {
  it('when a file is asked, then POST /replicas/list carries the DID and all_states, and each RSE has a state', async () => {
    const { rucio, seen } = client(['partial-file-replicas']);
    const [replica] = await all(rucio.listFileReplicas({ token, dids: [partialFile] }));
    expect(seen[0]?.method).toBe('POST');
    expect(Object.values(replica?.states ?? {})).toContain('COPYING');
    expect(Object.keys(replica?.rses ?? {}).length).toBeGreaterThan(0);
  });

  it('when a DID name is a dot segment, then nothing is sent', () => {
    const { rucio, seen } = client([]);
    expect(() => rucio.listFileReplicas({ token, dids: [{ scope: 'acada', name: '..' }] })).toThrow(
      TypeError,
    );
    expect(seen).toHaveLength(0);
  });

  /** The RSEs of a listed file in Rucio's order (PFN priority, 1 first). */
  const order = (f: { pfns?: Record<string, { rse: string; priority: number }> } | undefined) =>
    Object.values(f?.pfns ?? {})
      .sort((a, b) => a.priority - b.priority)
      .map((p) => p.rse);

  it.each([
    ['la-palma', '127.0.0.101', 'CTAO-N-ONSITE'],
    ['berlin', '127.0.0.102', 'DESY-ZN-DISK'],
  ])(
    'when the user is in %s, then the address goes as client_location and X-Forwarded-For, and the nearest copy comes first',
    async (place, ip, nearest) => {
      const { rucio, seen } = client([`file-replicas-from-${place}`]);
      const [replica] = await all(rucio.listFileReplicas({ token, dids: [file], clientIp: ip }));
      expect(seen[0]?.headers.get('X-Forwarded-For')).toBe(ip);
      expect(JSON.parse(seen[0]?.body ?? '{}')).toEqual({
        dids: [{ scope: file.scope, name: file.name }],
        all_states: true,
        client_location: { ip },
      });
      expect(order(replica)[0]).toBe(nearest);
      expect(order(replica)).toHaveLength(4);
    },
  );

  it('when the caller has placed the address, then the coordinates go in client_location and Rucio measures from them, not from the address', async () => {
    const { laPalma, berlin } = DEV_GEO_CLIENTS;
    const { rucio, seen } = client(['file-replicas-at-la-palma-from-berlin']);
    const [replica] = await all(
      rucio.listFileReplicas({
        token,
        dids: [file],
        clientIp: berlin.ip,
        clientCoordinates: { latitude: laPalma.latitude, longitude: laPalma.longitude },
      }),
    );
    expect(seen[0]?.headers.get('X-Forwarded-For')).toBe(berlin.ip);
    expect(JSON.parse(seen[0]?.body ?? '{}')).toEqual({
      dids: [{ scope: file.scope, name: file.name }],
      all_states: true,
      client_location: { ip: berlin.ip, latitude: laPalma.latitude, longitude: laPalma.longitude },
    });
    // Recorded from the real Rucio: Berlin's address, La Palma's coordinates, La Palma first.
    expect(order(replica)[0]).toBe('CTAO-N-ONSITE');
  });

  it('when the coordinates are not a place on Earth, then nothing is sent', () => {
    const { rucio, seen } = client([]);
    for (const clientCoordinates of [
      { latitude: 91, longitude: 0 },
      { latitude: 0, longitude: -180.5 },
      { latitude: Number.NaN, longitude: 0 },
    ])
      expect(() =>
        rucio.listFileReplicas({ token, dids: [file], clientIp: '127.0.0.102', clientCoordinates }),
      ).toThrow(/not a place on Earth/);
    expect(seen).toHaveLength(0);
  });

  it('when no client address is known, then neither the header nor client_location is sent', async () => {
    const { rucio, seen } = client(['file-replicas']);
    await all(rucio.listFileReplicas({ token, dids: [file], sort: 'random' }));
    expect(seen[0]?.headers.has('X-Forwarded-For')).toBe(false);
    expect(JSON.parse(seen[0]?.body ?? '{}')).toEqual({
      dids: [{ scope: file.scope, name: file.name }],
      all_states: true,
      sort: 'random',
    });
  });

  it('when the client address is not an IP address, then nothing is sent', () => {
    const { rucio, seen } = client([]);
    for (const clientIp of ['127.0.0.1, 10.0.0.1', 'evil\r\nX-Rucio-Account: root', ''])
      expect(() => rucio.listFileReplicas({ token, dids: [file], clientIp })).toThrow(TypeError);
    expect(seen).toHaveLength(0);
  });
});

describe('listScopeCollections', () => {
  it('when a scope is listed, then every dataset and container comes with its type', async () => {
    const { rucio, seen } = client(['scope-collections'], 11);
    const rows = await all(rucio.listScopeCollections({ token, scope: 'user.alice' }));
    expect(rows.length).toBe(lineCount(loadRecording('scope-collections')));
    expect(new Set(rows.map((r) => r.did_type))).toEqual(new Set(['CONTAINER', 'DATASET']));
    expect(new URL(seen[0]?.url ?? '').search).toBe('?type=collection&long=true');
  });
});
