import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { drainedOrClosed } from '../../src/http/ndjson-pipe.ts';

const fakeResponse = () => new EventEmitter() as unknown as Response & EventEmitter;

describe('drainedOrClosed', () => {
  it('when the socket drains a thousand times, then no drain or close listener is left behind', async () => {
    const res = fakeResponse();
    const closeBefore = res.listenerCount('close');
    for (let i = 0; i < 1000; i++) {
      const waiting = drainedOrClosed(res);
      res.emit('drain');
      await waiting;
    }
    expect(res.listenerCount('drain')).toBe(0);
    expect(res.listenerCount('close')).toBe(closeBefore);
  });

  it('when the client goes away while waiting, then it resolves and removes its drain listener', async () => {
    const res = fakeResponse();
    const waiting = drainedOrClosed(res);
    res.emit('close');
    await waiting;
    expect(res.listenerCount('drain')).toBe(0);
    expect(res.listenerCount('close')).toBe(0);
  });
});
