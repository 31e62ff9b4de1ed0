import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DidDetails,
  DidRuleList,
  DidSummary,
  ReplicaSummary,
  ScopeRoots,
  StreamTrailer,
} from '@bdms/contract';
import { demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { recordedMeta, startDemoTransfer } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all, didUrl } from './did-helpers.ts';

/** The DID page's routes through a real BFF, signed in as the demo astronomer, against the real Rucio. */
let bff: TestBff;
let cookie = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
let rootToken = '';

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
  rootToken = (await rucio.authUserpass(RUCIO_ROOT)).token;
});
afterAll(async () => {
  await bff.stop();
});

const { dataset, file } = recordedMeta();
const api = (path: string) => fetch(`${bff.url}${path}`, { headers: { Cookie: cookie } });

describe('the DID page against the real Rucio', () => {
  it('when a file is opened, then its record and JSON metadata are what Rucio holds', async () => {
    const res = await api(didUrl(file));
    expect(res.status).toBe(200);
    const did = DidDetails.parse(await res.json());
    const meta = await rucio.getDidMeta({ token: rootToken, ...file, plugin: 'JSON' });
    expect(did).toMatchObject({ type: 'FILE', adler32: file.adler32, bytes: file.bytes });
    const json = did.metadata.filter((m) => m.plugin === 'JSON');
    expect(Object.fromEntries(json.map((m) => [m.key, m.value]))).toEqual(meta);
  });

  it('when a dataset is opened, then its file count equals the files Rucio lists in it', async () => {
    const did = DidDetails.parse(await (await api(didUrl(dataset))).json());
    const files = await all(rucio.listContents({ token: rootToken, ...dataset }));
    expect(did.length).toBe(files.length);
    expect(did.bytes).toBe(files.reduce((sum, f) => sum + (f.bytes ?? 0), 0));
  });

  it('when a file’s parents are streamed, then they are exactly Rucio’s, then the end trailer', async () => {
    const res = await api(didUrl(file, '/parents'));
    const lines = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown);
    const rows = lines.slice(0, -1).map((l) => DidSummary.parse(l));
    const expected = await all(rucio.listParents({ token: rootToken, ...file }));
    expect(rows.map((r) => r.name).sort()).toEqual(expected.map((p) => p.name).sort());
    expect(StreamTrailer.parse(lines.at(-1))).toEqual({ end: { count: expected.length } });
  });

  it('when a dataset’s rules are asked, then every rule Rucio has on it comes with its state', async () => {
    const { rules } = DidRuleList.parse(await (await api(didUrl(dataset, '/rules'))).json());
    const expected = await all(rucio.listDidRules({ token: rootToken, ...dataset }));
    expect(rules.map((r) => `${r.id}:${r.state}`).sort()).toEqual(
      expected.map((r) => `${r.id}:${r.state}`).sort(),
    );
  });

  it('when a dataset is partly replicated, then complete and still-filling RSEs both show', async () => {
    // A rule to an RSE without a copy: the stack's transfer loop holds its transfers in flight
    // for DEVSTACK_TRANSFER_SECONDS, and the dataset is partial on that RSE meanwhile.
    const { dataset: partial, rse } = await startDemoTransfer(rucio, rootToken);
    const summary = ReplicaSummary.parse(
      await (await api(didUrl(partial, '/replicas/summary'))).json(),
    );
    expect(summary.source).toBe('dataset_replicas');
    expect(summary.rses.some((r) => r.totalFiles > 0 && r.availableFiles === r.totalFiles)).toBe(
      true,
    );
    const filling = summary.rses.find((r) => r.rse === rse);
    expect(filling?.availableFiles).toBeLessThan(filling?.totalFiles ?? 0);
  });

  it('when a scope is browsed, then its roots are collections none of its others contains by name', async () => {
    const { roots } = ScopeRoots.parse(await (await api('/api/scopes/acada/roots')).json());
    expect(roots.map((r) => r.name)).toEqual(['/ctao/acada']);
  });

  it('when the DID does not exist, then 404 not_found and no stream', async () => {
    const res = await api(didUrl({ scope: dataset.scope, name: `${dataset.name}-nope` }));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
