import { connect } from 'node:net';

/** True when a Redis server answers PING on host:port within the timeout. */
export function redisAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => {
      done(false);
    });
    socket.on('error', () => {
      done(false);
    });
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/**
 * Where the BFF keeps sessions: REDIS_URL when set; else the Redis on 127.0.0.1:6379 when one
 * answers (so the production session store is what every dev run and test run uses); else the
 * BFF's embedded store.
 */
export async function chooseRedis(envUrl: string | undefined): Promise<string | undefined> {
  if (envUrl) return envUrl;
  return (await redisAnswers('127.0.0.1', 6379)) ? 'redis://127.0.0.1:6379' : undefined;
}
