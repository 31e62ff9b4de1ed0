import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEV_HOST, devIssuer } from '@bdms/dev-fixtures';

const IDP_DIR = fileURLToPath(new URL('../../../dev-idp/', import.meta.url));

export interface SecondIdp {
  issuer: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, DEV_HOST, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitForDiscovery(issuer: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dev IdP exited with ${child.exitCode}`);
    const ok = await fetch(`${issuer}.well-known/openid-configuration`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`dev IdP at ${issuer} did not come up`);
}

/**
 * The real dev IdP (apps/dev-idp) as a second process on a free port, with this checkout's demo
 * users. The shared IdP on 4400 is never stopped or restarted by tests: others use it.
 */
export async function startSecondIdp(): Promise<SecondIdp> {
  const port = await freePort();
  const issuer = devIssuer(port);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: IDP_DIR,
    env: { IDP_PORT: String(port), IDP_LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  try {
    await waitForDiscovery(issuer, child);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    issuer,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
