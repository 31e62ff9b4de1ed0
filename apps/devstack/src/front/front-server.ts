/**
 * The devstack's front for Rucio (dev only): an HTTP/1.1 server that keeps its clients'
 * connections alive and hands every request to gunicorn on a fresh connection, as Apache httpd
 * does in front of a production Rucio.
 *
 * Why: gunicorn's threaded workers keep a keep-alive connection on the process that accepted it,
 * each process under one GIL, so a client whose connections piled onto one process got a fraction
 * of the machine for as long as it kept them. Sync workers take one request at a time and only
 * when idle, so load spreads over all of them; but they answer `Connection: close`, which clients
 * that keep connections (autocannon, the BFF's pool) pay for. With this front both hold.
 *
 * It forwards method, raw path and body unchanged. `X-Forwarded-For` is passed through when the
 * client sent one (the BFF's `client_location`, the GeoIP tests) and otherwise set to the client's
 * own address, so Rucio's GeoIP sort sees what it saw without the front. Hop-by-hop headers are
 * dropped both ways (RFC 9110 §7.6.1).
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';

export interface FrontOptions {
  upstreamHost: string;
  upstreamPort: number;
  /** How long an idle client connection stays open (the BFF's pool keeps its own for 4 s). */
  keepAliveMs?: number;
  onError?: (message: string) => void;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The end-to-end headers of a message: hop-by-hop ones and those `Connection` names, dropped. */
export function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = (headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  const out: OutgoingHttpHeaders = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(key) || named.includes(key)) continue;
    out[key] = value;
  }
  return out;
}

export function createFront(o: FrontOptions): Server {
  const server = createServer((req, res) => {
    forward(o, req, res);
  });
  server.keepAliveTimeout = o.keepAliveMs ?? 30_000;
  server.headersTimeout = server.keepAliveTimeout + 1_000;
  // Long calls (bulk metadata, 10 000-replica listings) are gunicorn's to time out, not ours.
  server.requestTimeout = 0;
  return server;
}

function forward(o: FrontOptions, req: IncomingMessage, res: ServerResponse): void {
  const headers = endToEnd(req.headers);
  headers['x-forwarded-for'] ??= req.socket.remoteAddress;
  const upstream = httpRequest(
    {
      host: o.upstreamHost,
      port: o.upstreamPort,
      method: req.method,
      path: req.url,
      headers,
      // A new connection per request: a sync worker closes it after answering anyway.
      agent: false,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    },
  );
  upstream.on('error', (err) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const message = `rucio front: ${o.upstreamHost}:${o.upstreamPort} did not answer ${req.method ?? ''} ${req.url ?? ''}: ${err.message}`;
    o.onError?.(message);
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`${message}\n`);
  });
  // The client went away before the answer was complete: so does the upstream request.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
