import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client.ts';
import { makeHealth, makeRucioDown } from '@/testing/factories.ts';
import { describeOutage } from './describe-outage.ts';

describe('describeOutage', () => {
  it('is null when everything is ok or nothing is known yet', () => {
    expect(describeOutage(makeHealth(), null)).toBeNull();
    expect(describeOutage(undefined, null)).toBeNull();
  });

  it('words a Rucio outage without doubling punctuation', () => {
    expect(describeOutage(makeRucioDown('ping timed out.'), null)?.lines).toEqual([
      'Rucio is unavailable — ping timed out. Browsing will resume automatically when it is back.',
    ]);
    expect(describeOutage(makeHealth({ ok: false, rucio: { ok: false } }), null)?.lines[0]).toBe(
      'Rucio is unavailable. Browsing will resume automatically when it is back.',
    );
  });

  it('lists both when Rucio and the IdP are down', () => {
    const health = makeHealth({
      ok: false,
      rucio: { ok: false, reason: 'a' },
      idp: { ok: false, reason: 'b' },
    });
    expect(describeOutage(health, null)?.lines).toHaveLength(2);
  });

  it('prefers the latest failed poll over stale data', () => {
    const error = new ApiError({
      status: 502,
      code: 'http_502',
      message: 'The portal server answered 502 Bad Gateway',
    });
    expect(describeOutage(makeHealth(), error)).toEqual({
      title: 'The portal server is unreachable',
      lines: [
        'The portal server answered 502 Bad Gateway. Retrying automatically every 10 seconds.',
      ],
    });
  });
});
