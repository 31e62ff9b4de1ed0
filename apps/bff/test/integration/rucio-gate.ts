import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEV_HOST } from '@bdms/dev-fixtures';

export interface RucioGate {
  url: string;
  /**
   * While set, a matching request is never forwarded: its connection is dropped, as when Rucio
   * goes away mid-way through a bulk edit. Counted in `dropped`.
   */
  drop: ((method: string, path: string) => boolean) | undefined;
  /** While set, a matching request waits before it is forwarded, until `release()`. */
  hold: ((method: string, path: string) => boolean) | undefined;
  /** Resolves when a held request is waiting. */
  held(): Promise<void>;
  release(): void;
  readonly dropped: string[];
  stop(): Promise<void>;
}

/**
 * A pass-through in front of the real Rucio that can drop or delay single requests before Rucio
 * sees them: what Rucio answers is always its own; only the timing or the connection is ours.
 */
export async function startRucioGate(upstream: string): Promise<RucioGate> {
  const target = new URL(upstream);
  const state = {
    drop: undefined as RucioGate['drop'],
    hold: undefined as RucioGate['hold'],
  };
  const dropped: string[] = [];
  let waiting: (() => void)[] = [];
  let onHeld: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '';
    if (state.drop?.(method, path)) {
      dropped.push(`${method} ${path}`);
      req.socket.destroy();
      return;
    }
    const send = () => {
      const up = forward(
        {
          host: target.hostname,
          port: target.port,
          path,
          method,
          headers: { ...req.headers, host: target.host },
        },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    };
    if (state.hold?.(method, path)) {
      req.pause();
      waiting.push(send);
      for (const fn of onHeld) fn();
      onHeld = [];
      return;
    }
    send();
  });
  await new Promise<void>((resolve) => server.listen(0, DEV_HOST, resolve));
  return {
    url: `http://${DEV_HOST}:${String((server.address() as AddressInfo).port)}`,
    get drop() {
      return state.drop;
    },
    set drop(fn) {
      state.drop = fn;
    },
    get hold() {
      return state.hold;
    },
    set hold(fn) {
      state.hold = fn;
    },
    held: () =>
      waiting.length > 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            onHeld.push(resolve);
          }),
    release() {
      const go = waiting;
      waiting = [];
      for (const fn of go) fn();
    },
    dropped,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
