import { describe, expect, it } from 'vitest';
import { didTrail, downloadCommand, lastSegment, relativeName } from './did-trail.ts';

describe('didTrail', () => {
  const roots = ['/ctao/acada'];

  it('when a dataset lies below the scope root by name, then every collection above it is a crumb', () => {
    const trail = didTrail({ scope: 'acada', name: '/ctao/acada/DL0/ARRAY/2025' }, roots);
    expect(trail.map((c) => c.label)).toEqual(['/ctao/acada', 'DL0', 'ARRAY', '2025']);
    expect(trail[1]?.did).toEqual({ scope: 'acada', name: '/ctao/acada/DL0' });
    expect(trail.at(-1)?.did).toBeUndefined();
  });

  it('when the DID is the root itself, then it is the only crumb, without a link', () => {
    expect(didTrail({ scope: 'acada', name: '/ctao/acada' }, roots)).toEqual([
      { label: '/ctao/acada' },
    ]);
  });

  it('when no root contains the DID (a prefix that is not a path boundary), then only its name', () => {
    expect(didTrail({ scope: 'acada', name: '/ctao/acadab/x' }, roots)).toEqual([
      { label: '/ctao/acadab/x' },
    ]);
  });
});

describe('names', () => {
  it('when shown in a listing, then names are relative to the collection they are in', () => {
    expect(lastSegment('/ctao/acada/DL0')).toBe('DL0');
    expect(relativeName('/ctao/acada/DL0/x.fits', '/ctao/acada/DL0')).toBe('x.fits');
    expect(relativeName('/ctao/dpps', '/ctao/acada')).toBe('/ctao/dpps');
  });

  it('when a download command is built, then unsafe names are shell-quoted', () => {
    expect(downloadCommand({ scope: 'acada', name: '/ctao/a.fits' })).toBe(
      'rucio download acada:/ctao/a.fits',
    );
    expect(downloadCommand({ scope: 'user.x', name: "it's here" })).toBe(
      `rucio download 'user.x:it'\\''s here'`,
    );
  });
});
