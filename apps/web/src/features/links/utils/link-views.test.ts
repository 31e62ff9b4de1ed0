import { describe, expect, it } from 'vitest';
import { makeLink, makeScriptLink } from '@/testing/link-factories.ts';
import { countByState, linkTarget, linkWords, parseLinkFilter, withState } from './link-views.ts';

const DATASET = { scope: 'acada', name: '/ctao/acada/DL0/LSTN-01/2025/06/21' };

describe('link views', () => {
  it('reads ?state= as a filter, anything unknown as all', () => {
    expect(parseLinkFilter('revoked')).toBe('revoked');
    expect(parseLinkFilter(null)).toBe('all');
    expect(parseLinkFilter('gone')).toBe('all');
  });

  it('counts links per state and keeps those of one', () => {
    const links = [
      makeLink(),
      makeLink({ id: 'l2', state: 'revoked', revokedAt: '2026-12-03T12:30:00.000Z' }),
      makeLink({ id: 'l3', state: 'revoked', revokedAt: '2026-12-03T12:40:00.000Z' }),
    ];
    expect(countByState(links)).toEqual({ all: 3, active: 1, expired: 0, revoked: 2 });
    expect(withState(links, 'revoked').map((l) => l.id)).toEqual(['l2', 'l3']);
    expect(withState(links, 'all')).toHaveLength(3);
  });

  it('tells a file’s link from a collection’s script and the basket’s or a selection’s', () => {
    const file = makeLink();
    expect(linkTarget(file)).toEqual({ kind: 'file', did: { scope: file.scope, name: file.name } });
    expect(linkWords(file)).toBe('the link to SUB002_CHUNK000.fits.fz');
    expect(linkTarget(makeScriptLink(DATASET))).toEqual({ kind: 'collection', did: DATASET });
    expect(linkWords(makeScriptLink(DATASET))).toBe(
      'the script link for /ctao/acada/DL0/LSTN-01/2025/06/21',
    );
    const selection = makeScriptLink({ scope: 'selection', name: 'a selection of 3 DIDs' });
    expect(linkTarget(selection)).toEqual({ kind: 'selection', label: 'a selection of 3 DIDs' });
    expect(linkWords(selection)).toBe('the script link for a selection of 3 DIDs');
  });
});
