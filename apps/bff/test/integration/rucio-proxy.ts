import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEV_HOST } from '@bdms/dev-fixtures';

export interface HoldingProxy {
  url: string;
  /** While set, a response to a matching path sends its first chunk and then waits. */
  hold: ((path: string) => boolean) | undefined;
  /** Lets every held response go on. */
  release(): void;
  stop(): Promise<void>;
}

/**
 * A proxy in front of the real Rucio that can hold a response after its first chunk: the only
 * way to keep a real streamed listing "still running" while a test does something else.
 */
export async function startHoldingProxy(upstream: string): Promise<HoldingProxy> {
  const target = new URL(upstream);
  let waiting: (() => void)[] = [];
  const state: { hold: HoldingProxy['hold'] } = { hold: undefined };
  const server: Server = createServer((req, res) => {
    const held = state.hold?.(req.url ?? '') ?? false;
    const up = forward(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        let first = true;
        upRes.on('data', (chunk: Buffer) => {
          res.write(chunk);
          if (held && first) {
            first = false;
            upRes.pause();
            waiting.push(() => upRes.resume());
          }
        });
        upRes.on('end', () => res.end());
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, DEV_HOST, resolve));
  return {
    url: `http://${DEV_HOST}:${(server.address() as AddressInfo).port}`,
    get hold() {
      return state.hold;
    },
    set hold(fn) {
      state.hold = fn;
    },
    release() {
      for (const go of waiting) go();
      waiting = [];
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
