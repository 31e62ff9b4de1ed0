import { describe, expect, it } from 'vitest';
import { RucioError } from '../src/index.ts';
import { loadRecording, replayClient } from './replay.ts';

/**
 * One file's transfer request to one RSE, replayed from the real devstack server's answers
 * (scripts/record-rule-transfers.ts): just after a rule was made, after its transfer was done, to
 * an unknown RSE, and with a token Rucio does not know.
 */
const token = 'tok';
const queued = loadRecording('transfer-request-queued');
/** The file and RSE the recordings asked about, read back from the recorded path. */
const [, , scope = '', encodedName = '', rse = ''] = queued.request.path.split('/');
const file = { scope, name: decodeURIComponent(encodedName), destinationRse: rse };

describe('getTransferRequest', () => {
  it('reads the request of a file to an RSE as JSON, the CTAO name sent as one encoded segment', async () => {
    const { rucio, seen } = replayClient(['transfer-request-queued']);
    const request = await rucio.getTransferRequest({ token, ...file });
    expect(file.name.startsWith('/ctao/')).toBe(true);
    expect(request).toMatchObject({ scope, name: file.name, state: 'QUEUED', dest_rse: rse });
    expect(request?.retry_count).toBe(0);
    expect(new URL(seen[0]?.url ?? '').pathname).toBe(
      `/requests/${scope}/${encodeURIComponent(file.name)}/${rse}`,
    );
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
  });

  it('answers null when Rucio has no request (RequestNotFound: done and moved to the history)', async () => {
    const { rucio } = replayClient(['transfer-request-done']);
    expect(loadRecording('transfer-request-done').response.headers.exceptionclass).toBe(
      'RequestNotFound',
    );
    expect(await rucio.getTransferRequest({ token, ...file })).toBeNull();
  });

  it('keeps other refusals errors: an unknown RSE (Rucio 41 answers 500 RSENotFound) and a token Rucio does not know', async () => {
    const unknown = replayClient(['transfer-request-unknown-rse']).rucio;
    const noRse = await unknown
      .getTransferRequest({ token, ...file, destinationRse: 'NO-SUCH-RSE' })
      .catch((e: unknown) => e);
    expect(noRse).toBeInstanceOf(RucioError);
    expect(noRse).toMatchObject({ status: 500, exceptionClass: 'RSENotFound' });
    const bad = replayClient(['transfer-request-bad-token']).rucio;
    const refused = await bad.getTransferRequest({ token, ...file }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 401, exceptionClass: 'CannotAuthenticate' });
  });

  it('refuses a dot-segment name before asking Rucio', async () => {
    const { rucio, seen } = replayClient([]);
    await expect(rucio.getTransferRequest({ token, ...file, name: '..' })).rejects.toThrow(
      TypeError,
    );
    expect(seen).toHaveLength(0);
  });
});
