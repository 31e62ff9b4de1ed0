/**
 * The floor under the range figure: the least an HTTP hop costs on this machine. A server that
 * forwards every GET, with its `Range`, to one URL over a kept-alive connection with a fixed
 * bearer token, and pipes the answer back: no session, no routing, no checks, no log. It runs in
 * a process of its own, as the BFF does (startBareProxy). Printed beside the BFF's figures, not
 * held to a target: what it costs over the direct request no proxy can save.
 */
import { spawn } from 'node:child_process';
import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PASSED = ['content-length', 'content-range', 'content-type', 'accept-ranges'];

const passed = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(PASSED.flatMap((k) => (headers[k] === undefined ? [] : [[k, headers[k]]])));

/** The proxy itself (not listening yet). */
export function bareProxy(target: string, authorization: string): Server {
  const agent = new Agent({ keepAlive: true });
  return createServer((req, res) => {
    const range = req.headers.range;
    const upstream = request(
      target,
      { agent, headers: { authorization, ...(range ? { range } : {}) } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, passed(answer.headers));
        pipeline(answer, res).catch(() => res.destroy());
      },
    );
    upstream.on('error', () => {
      res.destroy();
    });
    upstream.end();
  });
}

/** The proxy in a process of its own, on a free port of 127.0.0.1. */
export async function startBareProxy(
  target: string,
  authorization: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  // What to forward to comes on stdin: a token is not for `ps` to show.
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: dirname(fileURLToPath(import.meta.url)),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify({ target, authorization }));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`bare proxy exited (${String(code)}): ${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let input = '';
  process.stdin.on('data', (c: Buffer) => {
    input += c.toString();
  });
  process.stdin.on('end', () => {
    const { target, authorization } = JSON.parse(input) as {
      target: string;
      authorization: string;
    };
    const server = bareProxy(target, authorization).listen(0, '127.0.0.1', () => {
      process.stdout.write(`listening ${String((server.address() as AddressInfo).port)}\n`);
    });
    process.on('SIGTERM', () => {
      server.close(() => {
        process.exit(0);
      });
    });
  });
}
