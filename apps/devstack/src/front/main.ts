/**
 * `node --import tsx src/front/main.ts <listen host> <listen port> <gunicorn host> <gunicorn port>`:
 * the devstack's front for Rucio as a daemon (core/rucio-front.ts starts it).
 */
import { createFront } from './front-server.ts';

const [listenHost, listenPort, upstreamHost, upstreamPort] = process.argv.slice(2);
const port = (s: string | undefined): number => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`usage: main.ts <host> <port> <gunicorn host> <gunicorn port> (got "${s}")`);
  }
  return n;
};
if (listenHost === undefined || upstreamHost === undefined) {
  throw new Error('usage: main.ts <host> <port> <gunicorn host> <gunicorn port>');
}

const server = createFront({
  upstreamHost,
  upstreamPort: port(upstreamPort),
  onError: (message) => {
    process.stderr.write(`${new Date().toISOString()} ${message}\n`);
  },
});
server.listen(port(listenPort), listenHost, () => {
  process.stdout.write(
    `rucio front on http://${listenHost}:${listenPort} -> gunicorn ${upstreamHost}:${upstreamPort}\n`,
  );
});

const stop = (): void => {
  server.close();
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
