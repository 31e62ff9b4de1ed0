import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, Basket, RuleRequestResult, StagingStatus } from '@bdms/contract';
import { adler32Hex, demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { FRESH_SCOPE, freshDataset } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { didUrl } from './did-helpers.ts';
import { runScript } from './script-run.ts';

/*
 * Staging a tape-only file through a real BFF as the demo astronomer (Rucio account alice), checked
 * against Rucio's REST asked directly as root: a fresh file on PIC-TAPE only (devtest scope, so no
 * other test sees it), the staging rule Rucio then holds, the devstack's transfer loop copying it
 * to the staging RSE, and the download that follows. Rules made here are ended afterwards.
 */
let bff: TestBff;
let cookie = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
let token = '';
const made: string[] = [];
let file = { scope: FRESH_SCOPE, name: '', adler32: '' };
let dataset = { scope: FRESH_SCOPE, name: '' };
/** The seed's archived simulation production: on tape only (apps/devstack/python/seed). */
const ARCHIVED = {
  scope: 'dpps',
  name: '/ctao/dpps/SIM/Prod5/ctao-north/gamma/zenith20deg_az180deg',
};

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
  token = (await rucio.authUserpass(RUCIO_ROOT)).token;
  // One file in a dataset of its own: the dataset's place is checked after staging too.
  const fresh = await freshDataset(RUCIO_URL, token, 'PIC-TAPE', 'staging', {
    count: 1,
    size: 2048,
  });
  const [only] = fresh.files;
  if (!only) throw new Error('no fresh file');
  dataset = { scope: fresh.scope, name: fresh.name };
  file = { scope: only.scope, name: only.name, adler32: only.adler32 };
});
afterAll(async () => {
  // A lifetime of 1 s: the transfer loop's judge-cleaner drops the rule in its next round, and
  // alice's quota on the staging RSE is freed (a DELETE leaves the rule for an hour on Rucio 41).
  for (const id of made)
    await fetch(`${RUCIO_URL}/rules/${id}`, {
      method: 'PUT',
      headers: { 'X-Rucio-Auth-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ options: { lifetime: 1 } }),
    });
  await bff.stop();
});

const did = () => ({ scope: file.scope, name: file.name });
const get = (path: string, init: { headers?: Record<string, string> } = {}) =>
  fetch(`${bff.url}${path}`, { headers: { Cookie: cookie, ...init.headers } });
const post = (path: string, body: unknown) =>
  fetch(`${bff.url}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json', 'x-csrf': '1', Origin: bff.url },
    body: JSON.stringify(body),
  });
async function body(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${String(res.status)} ${text}`);
  return JSON.parse(text) as unknown;
}
const status = async (d: { scope: string; name: string }) =>
  StagingStatus.parse(await body(await get(didUrl(d, '/staging'))));

describe('staging tape-only data against the real Rucio', () => {
  it('when the seed’s archived dataset is asked about, then its files are on tape and not all on disk', async () => {
    // The e2e spec stages some of its files (their copies stay), so it is tape-only or partial.
    const archived = await status(ARCHIVED);
    expect(archived).toMatchObject({ files: 6, tapeRses: ['PIC-TAPE'], stagingRse: 'CSCS-DISK' });
    expect(archived.filesOnDisk).toBeLessThan(6);
    expect(archived.where).toBe(archived.filesOnDisk === 0 ? 'tape-only' : 'partial');
  });

  it('when the archived dataset is bundled or scripted, then its tape-only files are named before any byte', async () => {
    const archived = await status(ARCHIVED);
    const onTape = archived.files - archived.filesOnDisk;
    const zip = await get(didUrl(ARCHIVED, '/bundle'));
    expect(zip.status).toBe(409);
    expect(ApiErrorBody.parse(await zip.json()).error).toMatchObject({
      code: 'staging_required',
      message: expect.stringContaining(`${String(onTape)} of 6 files of dpps:`) as string,
      details: { tapeRses: ['PIC-TAPE'], files: onTape },
    });
    const script = await get(`${didUrl(ARCHIVED, '/script')}?format=curl`);
    expect(script.status).toBe(200);
    const run = await runScript(await script.text());
    expect(run.status).toBe(4);
    expect(run.output.match(/on tape only \(PIC-TAPE\), not fetched: /g)).toHaveLength(onTape);
    expect(run.output).toContain(
      `${String(archived.filesOnDisk)} of 6 files downloaded and verified`,
    );
  });

  it('when a tape-only file is downloaded, then 409 staging_required names the tape', async () => {
    const res = await get(didUrl(did(), '/download'));
    expect(res.status).toBe(409);
    expect(ApiErrorBody.parse(await res.json()).error).toMatchObject({
      code: 'staging_required',
      message: expect.stringContaining('is on tape only (PIC-TAPE)') as string,
    });
  });

  it('when a lifetime over the maximum is asked, then 400 at lifetimeSeconds and no rule', async () => {
    const { lifetime } = await status(did());
    const res = await post(didUrl(did(), '/staging'), {
      lifetimeSeconds: lifetime.maxSeconds + 3600,
      comment: null,
      askApproval: false,
    });
    expect(res.status).toBe(400);
    expect(ApiErrorBody.parse(await res.json()).error.details).toMatchObject({
      field: 'lifetimeSeconds',
    });
  });

  it(
    'when staging is requested, then Rucio holds alice’s Staging rule to CSCS-DISK from PIC-TAPE, the copy lands and downloads with Rucio’s adler32',
    { timeout: 120_000 },
    async () => {
      const res = await post(didUrl(did(), '/staging'), {
        lifetimeSeconds: 7200,
        comment: 'integration test',
        askApproval: false,
      });
      expect(res.status).toBe(201);
      const { ruleIds, state } = RuleRequestResult.parse(await body(res));
      made.push(...ruleIds);
      expect(state).toBe('created');
      const rule = await rucio.getRule({ token, id: ruleIds[0] ?? '' });
      expect(rule).toMatchObject({
        account: 'alice',
        rse_expression: 'CSCS-DISK',
        activity: 'Staging',
        source_replica_expression: 'PIC-TAPE',
        copies: 1,
        scope: file.scope,
        name: file.name,
      });
      const lifetime = (Date.parse(rule.expires_at ?? '') - Date.now()) / 1000;
      expect(lifetime).toBeGreaterThan(7000);
      expect(lifetime).toBeLessThanOrEqual(7200);

      const again = await post(didUrl(did(), '/staging'), {
        lifetimeSeconds: 7200,
        comment: null,
        askApproval: false,
      });
      expect(again.status).toBe(409);

      let now = await status(did());
      expect(now.rules.map((r) => r.id)).toContain(ruleIds[0]);
      const deadline = Date.now() + 90_000;
      while (now.progress !== 'on_disk' && Date.now() < deadline) {
        expect(['replicating', 'stuck']).toContain(now.progress);
        await new Promise((resolve) => setTimeout(resolve, 2000));
        now = await status(did());
      }
      expect(now).toMatchObject({ where: 'disk', progress: 'on_disk', filesOnDisk: 1 });
      // A range read first: the tape-only lookup of the 409 above (under a minute ago) is not
      // reused, so the staged copy serves it.
      const head = await get(didUrl(did(), '/download'), { headers: { Range: 'bytes=0-9' } });
      expect(head.status).toBe(206);
      expect(head.headers.get('x-replica-rse')).toBe('CSCS-DISK');
      const download = await get(didUrl(did(), '/download'));
      expect(download.status).toBe(200);
      expect(download.headers.get('x-replica-rse')).toBe('CSCS-DISK');
      expect(adler32Hex(new Uint8Array(await download.arrayBuffer()))).toBe(file.adler32);

      // The basket counts the staged copy (a file rule's, which Rucio's dataset-replica table
      // does not list) from the file replicas: its dataset is on disk now.
      expect((await post('/api/basket/items', { dids: [dataset] })).status).toBe(200);
      try {
        const basket = Basket.parse(await body(await get('/api/basket')));
        expect(basket.items.find((i) => i.name === dataset.name)).toMatchObject({
          where: 'disk',
          whereSource: 'exact',
          files: 1,
        });
      } finally {
        await fetch(`${bff.url}/api/basket/items`, {
          method: 'DELETE',
          headers: {
            Cookie: cookie,
            'Content-Type': 'application/json',
            'x-csrf': '1',
            Origin: bff.url,
          },
          body: JSON.stringify({ dids: [dataset] }),
        });
      }
    },
  );
});
