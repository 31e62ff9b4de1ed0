/**
 * The real core stack in .devstack (started or reused by coreUp): Rucio 41 on PostgreSQL with the
 * CTAO policy, and the WebDAV storage. Leaves no data behind.
 */
import { MAPPED_DEMO_USERS } from '@bdms/dev-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../lib/logger.ts';
import { statePaths } from '../lib/paths.ts';
import { readEnv } from './config.ts';
import { coreUp, type CoreStatus } from './core-up.ts';
import { withClient } from './pg-admin.ts';
import { parseStream, rucioCall, userpassToken } from './rucio-smoke.ts';
import { rucioTool } from './rucio-env.ts';
import { storageWriterAuth } from './storage.ts';
import { ownership, readDbFacts, storageId } from './storage-owner.ts';

const env = readEnv();
const paths = statePaths(env.DEVSTACK_HOME);
let core: CoreStatus;
let token: string;
const rucio = (path: string, init?: { method?: string; body?: unknown }) =>
  rucioCall(core.rucio.url, token, path, init);

beforeAll(async () => {
  core = await coreUp(paths, env, silentLogger);
  token = await userpassToken(core.rucio.url);
});

describe('portal database', () => {
  it('then bdms_portal exists on the same server as Rucio’s database', async () => {
    const [portal, rucio] = [new URL(core.portalDb.url), new URL(core.db.url)];
    expect(portal.pathname).toBe('/bdms_portal');
    expect(portal.host).toBe(rucio.host);
    const res = await withClient(core.portalDb.url, (c) => c.query('select current_database()'));
    expect(res.rows).toEqual([{ current_database: 'bdms_portal' }]);
  });
});

describe('storage ownership', () => {
  it('then Rucio’s database names this checkout’s storage folder, so up keeps it', async () => {
    // The stack's seed has run (the test command brings the whole stack up first).
    const facts = await readDbFacts(core.db.url);
    expect(facts).toEqual({ hasReplicas: true, owner: storageId(paths) });
    expect(await ownership(paths, core.db.url)).toBe('ours');
  });
});

describe('Rucio server', () => {
  it('then /ping reports 41.x and root is admin', async () => {
    expect(core.rucio.version).toMatch(/^41\./);
    const who = await rucio('/accounts/whoami');
    expect(JSON.parse(who.text)).toMatchObject({ account: 'root' });
    expect(JSON.parse((await rucio('/accounts/root/attr/')).text)).toContainEqual({
      key: 'admin',
      value: true,
    });
    expect((await rucio('/scopes/')).status).toBe(200);
  });

  it('then each demo user has an account and its exact OIDC identity', async () => {
    for (const user of MAPPED_DEMO_USERS) {
      const ids = parseStream((await rucio(`/accounts/${user.rucioAccount}/identities`)).text);
      expect(ids).toContainEqual({
        type: 'OIDC',
        identity: `SUB=${user.sub}, ISS=${env.IDP_ISSUER}`,
        email: user.email,
      });
    }
  });

  it('when a DID name is URL-encoded, then JSON metadata can be set and filtered on PostgreSQL', async () => {
    const scope = `t${Date.now().toString(36)}`;
    const names = [`/ctao/${scope}/a`, `/ctao/${scope}/b`];
    expect((await rucio(`/scopes/root/${scope}`, { method: 'POST' })).status).toBe(201);
    try {
      for (const [i, name] of names.entries()) {
        const meta = { obs_id: 1000 + i, target_name: 'Crab Nebula' };
        const did = `/dids/${scope}/${encodeURIComponent(name)}`;
        expect((await rucio(did, { method: 'POST', body: { type: 'DATASET', meta } })).status).toBe(
          201,
        );
        expect(JSON.parse((await rucio(did)).text)).toMatchObject({ scope, name });
      }
      const hits = await rucio(`/dids/${scope}/dids/search?type=all&obs_id.gt=1000`);
      expect(parseStream(hits.text)).toEqual([names[1]]);
    } finally {
      await removeScope(scope, names);
    }
  });
});

/** Rucio has no DID/scope delete: expire the DIDs, run the undertaker once, drop the scope row. */
async function removeScope(scope: string, names: string[]) {
  for (const name of names) {
    await rucio(`/dids/${scope}/${encodeURIComponent(name)}/meta/lifetime`, {
      method: 'POST',
      body: { value: -1 },
    });
  }
  await rucioTool(paths, 'rucio-undertaker', ['--run-once']);
  await withClient(core.db.url, (c) => c.query('DELETE FROM scopes WHERE scope = $1', [scope]));
  expect(parseStream((await rucio(`/dids/${scope}/dids/search?type=all`)).text)).toEqual([]);
}

describe('storage (WsgiDAV)', () => {
  const url = () => `${core.storage.url}/int-test-${process.pid}.bin`;

  it('when the dev writer PUTs, then it reads a byte range back; anonymous writes and reads get 401', async () => {
    const anon = await fetch(url(), { method: 'PUT', body: 'nope' });
    expect(anon.status).toBe(401);
    const put = await fetch(url(), {
      method: 'PUT',
      body: '0123456789',
      headers: { Authorization: storageWriterAuth() },
    });
    expect(put.status).toBe(201);
    expect((await fetch(url())).status).toBe(401);
    const range = await fetch(url(), {
      headers: { Range: 'bytes=2-5', Authorization: storageWriterAuth() },
    });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await range.text()).toBe('2345');
    const del = await fetch(url(), {
      method: 'DELETE',
      headers: { Authorization: storageWriterAuth() },
    });
    expect(del.status).toBe(204);
  });
});
