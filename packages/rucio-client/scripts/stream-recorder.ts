/**
 * One recording of the REAL devstack Rucio (GET, or POST with a JSON body; NDJSON accepted) into
 * test/fixtures/recorded/<name>.json, the token replaced by "<token>" in headers and body. Shared
 * by the recording scripts that are kept apart so each can be re-run alone.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEV_HOST, DEV_PORTS, RUCIO_ROOT } from '@bdms/dev-fixtures';
import type { Recording } from '../test/replay.ts';

const base = (process.env.RUCIO_URL ?? `http://${DEV_HOST}:${DEV_PORTS.rucio}`).replace(/\/$/, '');
const outDir = path.join(import.meta.dirname, '../test/fixtures/recorded');
const STREAM = 'application/x-json-stream';
const KEPT = ['content-type', 'exceptionclass', 'exceptionmessage'];

export async function recordStream(
  name: string,
  p: string,
  token: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Recording> {
  const method = body === undefined ? 'GET' : 'POST';
  const res = await fetch(base + p, {
    method,
    headers: {
      Accept: STREAM,
      ...extraHeaders,
      'X-Rucio-Auth-Token': token,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const headers: Record<string, string> = {};
  for (const h of KEPT) {
    const v = res.headers.get(h);
    if (v !== null) headers[h] = v.split(token).join('<token>');
  }
  const rec: Recording = {
    request: { method, path: p, accept: extraHeaders.Accept ?? STREAM },
    response: {
      status: res.status,
      headers,
      body: (await res.text()).split(token).join('<token>'),
    },
  };
  await writeFile(path.join(outDir, `${name}.json`), JSON.stringify(rec, null, 2) + '\n');
  process.stdout.write(`${name}: ${method} ${p} → ${res.status}\n`);
  return rec;
}

/** A root token of the devstack Rucio (userpass). */
export async function rootToken(): Promise<string> {
  const login = await fetch(`${base}/auth/userpass`, {
    headers: { 'X-Rucio-Username': RUCIO_ROOT.username, 'X-Rucio-Password': RUCIO_ROOT.password },
  });
  const token = login.headers.get('x-rucio-auth-token');
  if (!token) throw new Error(`userpass login failed: ${login.status}`);
  return token;
}

/** The DIDs of a recorded NDJSON listing, one per line. */
export const recordedLines = (rec: Recording): { scope: string; name: string; type: string }[] =>
  rec.response.body
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { scope: string; name: string; type: string });
