import { describe, expect, it } from 'vitest';
import { createRecentFiles, recentKey } from '../../src/downloads/recent-files.ts';
import type { FileToSend } from '../../src/downloads/replica-open.ts';

const file = (name: string): FileToSend => ({
  scope: 's',
  name,
  bytes: 1,
  adler32: null,
  md5: null,
  sources: [],
});

describe('recently located files', () => {
  it('when a file was located within the time to live, then it is served from memory; after it, not', () => {
    let t = 0;
    const recent = createRecentFiles({ ttlMs: 1_000, now: () => t });
    recent.set('k', file('a'));
    t = 1_000;
    expect(recent.get('k')?.name).toBe('a');
    t = 1_001;
    expect(recent.get('k')).toBeUndefined();
    expect(recent.size()).toBe(0);
  });

  it('when more files than the cap are kept, then the oldest goes first; setting again renews', () => {
    const recent = createRecentFiles({ max: 2 });
    recent.set('a', file('a'));
    recent.set('b', file('b'));
    recent.set('a', file('a2'));
    recent.set('c', file('c'));
    expect(recent.get('b')).toBeUndefined();
    expect(recent.get('a')?.name).toBe('a2');
    expect(recent.get('c')?.name).toBe('c');
  });

  it('when another user, file or address asks, then the key differs', () => {
    const did = { scope: 's', name: '/n' };
    const alice = { iss: 'https://iam/', sub: 'alice' };
    const key = recentKey(alice, did, '1.2.3.4');
    expect(recentKey({ ...alice, sub: 'bob' }, did, '1.2.3.4')).not.toBe(key);
    expect(recentKey(alice, { ...did, name: '/m' }, '1.2.3.4')).not.toBe(key);
    expect(recentKey(alice, did, '5.6.7.8')).not.toBe(key);
    expect(recentKey(alice, did, '1.2.3.4')).toBe(key);
  });
});
