import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRucioClient, RucioUnavailableError } from '../src/index.ts';

/** A socket that accepts and never answers: the only way to see a real timeout. */
let silent: Server;
let silentUrl = '';

beforeAll(async () => {
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

describe('transport failures', () => {
  it('when nothing listens on the port, then RucioUnavailableError names the connection error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const rucio = createRucioClient({ baseUrl: `http://127.0.0.1:${port}`, userAgent: 'test' });
    const error = await rucio.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RucioUnavailableError);
    expect((error as RucioUnavailableError).reason).toBe('ECONNREFUSED');
  });

  it('when Rucio does not answer within the timeout, then the call fails with a timeout reason', async () => {
    const rucio = createRucioClient({ baseUrl: silentUrl, userAgent: 'test', timeoutMs: 150 });
    const started = Date.now();
    const error = await rucio.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RucioUnavailableError);
    expect((error as RucioUnavailableError).reason).toBe('no answer within 150 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('when the caller aborts, then the abort is passed through and is not called an outage', async () => {
    const rucio = createRucioClient({ baseUrl: silentUrl, userAgent: 'test', timeoutMs: 5000 });
    const controller = new AbortController();
    const pending = rucio
      .listScopes({ token: 't', signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(RucioUnavailableError);
    expect((error as Error).name).toBe('AbortError');
  });
});
