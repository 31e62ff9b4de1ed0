import request from 'supertest';
import { createRucioClient } from '@bdms/rucio-client';
import { loadRecording, replayFetch, type Recording } from '@bdms/rucio-client/testing';
import type { stubOidc } from './helpers.ts';
import { login, makeApp, replayedRucio } from './helpers.ts';

/**
 * One signed-in GET through the BFF over the real Rucio client replaying recorded answers of the
 * real server (by name, or built by the test); `seen` is what the client asked Rucio.
 */
export async function replayGet(
  path: string,
  recordings: (string | Recording)[],
  options: { oidc?: ReturnType<typeof stubOidc>; chunkSize?: number } = {},
) {
  const recorded = recordings.map((r) => (typeof r === 'string' ? loadRecording(r) : r));
  const replay = replayFetch(recorded, { chunkSize: options.chunkSize ?? 97 });
  const client = createRucioClient({
    baseUrl: 'http://rucio.test',
    userAgent: 't',
    fetch: replay.fetch,
  });
  const t = makeApp({
    rucio: replayedRucio(client),
    ...(options.oidc ? { oidc: options.oidc } : {}),
  });
  const { sessionCookie } = await login(t);
  const res = await request(t.app).get(path).set('Cookie', sessionCookie);
  return { res, seen: replay.seen };
}
