import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adler32Hex,
  cliToken,
  demoUser,
  DEV_STORAGE_AUDIENCE,
  RUCIO_ROOT,
} from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { rucioDownloadPath } from '../../src/links/rucio-script.ts';
import { IDP_ISSUER, login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all, didUrl } from './did-helpers.ts';

/*
 * The portal's `rucio download` script run by the real Rucio client (rucio-clients 41.5.1 in the
 * devstack's venv) against the token-protected dev storage, as a user runs it: a token from the
 * dev IdP through a command-line client (code + PKCE, like oidc-agent), with Rucio's and the
 * storage's audiences and storage.read:/, in a file named by BEARER_TOKEN_FILE; a rucio.cfg with
 * auth_type = oidc. The client sends that token to Rucio and, as Bearer, to the storage; every
 * file it writes must match Rucio's adler32. A token for Rucio only is refused by the storage,
 * and the script then fails instead of reporting success.
 */
const VENV_BIN = path.resolve(import.meta.dirname, '../../../../.devstack/venv/bin');
const { dataset } = recordedMeta();
const did = `${dataset.scope}:${dataset.name}`;
const alice = demoUser('astronomer');
const SCOPE = 'openid profile offline_access storage.read:/';

let bff: TestBff;
let cookie = '';
let dir = '';
let expected: { scope: string; name: string; adler32: string }[] = [];

beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, alice)).cookie;
  dir = mkdtempSync(path.join(tmpdir(), 'bdms-rucio-dl-'));
  const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  expected = (await all(rucio.listFileReplicas({ token, dids: [dataset] }))).map((f) => ({
    scope: f.scope,
    name: f.name,
    adler32: String(f.adler32),
  }));
});
afterAll(async () => {
  await bff.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function portalScript(): Promise<string> {
  const res = await fetch(`${bff.url}${didUrl(dataset, '/script')}?format=rucio`, {
    headers: { Cookie: cookie },
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The user's machine: a rucio.cfg for this Rucio with auth_type = oidc, and a token file. */
function userMachine(name: string, token: string) {
  const home = path.join(dir, name);
  mkdirSync(home, { recursive: true });
  const tokenFile = path.join(home, 'token');
  const config = path.join(home, 'rucio.cfg');
  writeFileSync(tokenFile, token);
  writeFileSync(
    config,
    `[client]\nrucio_host = ${RUCIO_URL}\nauth_host = ${RUCIO_URL}\nauth_type = oidc\naccount = ${alice.rucioAccount}\n`,
  );
  return { home, tokenFile, config };
}

/** Runs the script with the venv's rucio on PATH (asynchronously: the BFF runs in this process). */
async function runScript(text: string, machine: ReturnType<typeof userMachine>) {
  writeFileSync(path.join(machine.home, 'get.sh'), text);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${VENV_BIN}:${process.env.PATH ?? ''}`,
    RUCIO_CONFIG: machine.config,
    BEARER_TOKEN_FILE: machine.tokenFile,
    XDG_RUNTIME_DIR: machine.home,
  };
  delete env.BEARER_TOKEN;
  delete env.RUCIO_ACCOUNT;
  delete env.RUCIO_AUTH_TYPE;
  const child = spawn('sh', ['get.sh'], { cwd: machine.home, env });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, output };
}

describe('the rucio download script, run by the real rucio client', () => {
  it('when the user’s token carries Rucio’s and the storage’s audiences with storage.read:/, then every file arrives and matches Rucio’s adler32', async () => {
    const text = await portalScript();
    expect(text).toContain(`#      audience: rucio ${DEV_STORAGE_AUDIENCE}`);
    expect(text).toContain(`#      rucio_host = ${RUCIO_URL}`);
    const { accessToken } = await cliToken({
      issuer: IDP_ISSUER,
      user: alice,
      audience: `rucio ${DEV_STORAGE_AUDIENCE}`,
      scope: SCOPE,
    });
    const machine = userMachine('both', accessToken);
    const done = await runScript(text, machine);
    expect(done.output).toContain(
      `${String(expected.length)} of ${String(expected.length)} files downloaded and verified`,
    );
    expect(done.status).toBe(0);
    expect(expected.length).toBeGreaterThan(1);
    for (const f of expected) {
      const bytes = readFileSync(path.join(machine.home, rucioDownloadPath([did], f)));
      expect(adler32Hex(bytes), f.name).toBe(f.adler32);
    }

    // A checksum in the script that the bytes do not match: the script's own check stops it.
    const changed = text.replace(`'${expected[0]?.adler32 ?? ''}'`, "'00000001'");
    expect(changed).not.toBe(text);
    const wrong = await runScript(changed, machine);
    expect(wrong.status).toBe(1);
    expect(wrong.output).toContain('adler32 mismatch');
  }, 120_000);

  it('when the token is for Rucio only, then Rucio takes it, the storage refuses it, and the script fails', async () => {
    const { accessToken } = await cliToken({
      issuer: IDP_ISSUER,
      user: alice,
      audience: 'rucio',
      scope: SCOPE,
    });
    const done = await runScript(await portalScript(), userMachine('rucio-only', accessToken));
    expect(done.output).toMatch(/Failed to (create protocol|download file)/);
    expect(done.output).toContain('missing ');
    expect(done.status).toBe(1);
  }, 120_000);
});
