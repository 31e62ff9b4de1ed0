import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEV_HOST } from '@bdms/dev-fixtures';

export interface HoldingProxy {
  url: string;
  /** While set, a response to a matching path sends its first chunk and then waits. */
  hold: ((path: string) => boolean) | undefined;
  /**
   * While set, a response to a matching path is cut (connection destroyed) 300 ms after its first
   * chunk, before it ends: whatever the archive's size (a small seed's search answer fits in one
   * chunk), the reader sees a stream that breaks after rows arrived.
   */
  cut: ((path: string) => boolean) | undefined;
  /** Every request relayed, with its body as sent (what the BFF asked Rucio, byte for byte). */
  readonly requests: { method: string; path: string; body: string }[];
  /** Paths of the requests whose response to the caller has not finished or closed yet. */
  readonly open: string[];
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
  const state: { hold: HoldingProxy['hold']; cut: HoldingProxy['cut'] } = {
    hold: undefined,
    cut: undefined,
  };
  const open = new Map<object, string>();
  const requests: HoldingProxy['requests'] = [];
  const server: Server = createServer((req, res) => {
    const seen = { method: req.method ?? 'GET', path: req.url ?? '', body: '' };
    requests.push(seen);
    const body: Buffer[] = [];
    req.on('data', (chunk: Buffer) => body.push(chunk));
    req.on('end', () => (seen.body = Buffer.concat(body).toString('utf8')));
    const held = state.hold?.(req.url ?? '') ?? false;
    const cut = state.cut?.(req.url ?? '') ?? false;
    open.set(res, req.url ?? '');
    res.on('close', () => open.delete(res));
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
          if (cut) {
            // Cut a moment later, so that the caller has read what was relayed (a broken stream
            // drops the bytes its reader has not taken yet).
            upRes.pause();
            setTimeout(() => {
              upRes.destroy();
              res.destroy();
            }, 300);
            return;
          }
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
    get cut() {
      return state.cut;
    },
    set cut(fn) {
      state.cut = fn;
    },
    requests,
    get open() {
      return [...open.values()];
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
