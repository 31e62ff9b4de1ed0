import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseRedis, redisAnswers } from './redis-probe.ts';

let fake: Server;
let port = 0;
beforeAll(async () => {
  // Speaks just enough RESP for the probe; the real Redis is exercised by the BFF's store tests.
  fake = createServer((s) => s.on('data', () => s.write('+PONG\r\n')));
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  port = (fake.address() as AddressInfo).port;
});
afterAll(() => fake.close());

describe('redisAnswers / chooseRedis', () => {
  it('when something answers PONG, then true; when nothing listens, then false', async () => {
    expect(await redisAnswers('127.0.0.1', port)).toBe(true);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const dead = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await redisAnswers('127.0.0.1', dead)).toBe(false);
  });

  it('when REDIS_URL is set, then it wins without probing', async () => {
    expect(await chooseRedis('redis://10.1.2.3:6380')).toBe('redis://10.1.2.3:6380');
  });
});
