import { describe, expect, it } from 'vitest';
import { linkKey, signLink, verifyLink } from '../../src/links/link-token.ts';

const key = linkKey('a-test-key-of-at-least-thirty-two-characters');
const claims = {
  id: '6f1c1a52-5a0e-4a8c-9d0b-1f3a0d3e2b11',
  scope: 'acada',
  name: '/ctao/acada/x/f.fits.fz',
  sub: 'b3a1c8e2',
  expiresAt: new Date(Date.now() + 3_600_000),
};

describe('download link tokens', () => {
  it('read back what was signed', async () => {
    const check = await verifyLink(key, await signLink(key, claims));
    expect(check).toEqual({
      ok: true,
      claims: {
        ...claims,
        expiresAt: new Date(Math.floor(claims.expiresAt.getTime() / 1000) * 1000),
      },
    });
  });

  it('refuse a token with any one character changed, in any of its three parts', async () => {
    const token = await signLink(key, claims);
    const dots = [token.indexOf('.'), token.lastIndexOf('.')];
    for (const at of [5, dots[0]! + 5, dots[1]! + 5, token.length - 2, token.length - 1]) {
      const c = token[at] === 'A' ? 'B' : 'A';
      const changed = `${token.slice(0, at)}${c}${token.slice(at + 1)}`;
      expect(await verifyLink(key, changed)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('say expired for a past link, and invalid for another key’s or no token at all', async () => {
    const past = await signLink(key, { ...claims, expiresAt: new Date(Date.now() - 60_000) });
    expect(await verifyLink(key, past)).toEqual({ ok: false, reason: 'expired' });
    const other = await signLink(linkKey('another-key-of-at-least-thirty-two-chars!'), claims);
    expect(await verifyLink(key, other)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyLink(key, 'not-a-token')).toEqual({ ok: false, reason: 'invalid' });
  });
});
