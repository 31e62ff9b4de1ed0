import { describe, expect, it } from 'vitest';
import { didPath } from '../src/did-path.ts';

describe('didPath', () => {
  it('when the name is a CTAO path, then its slashes are percent-encoded so its leading slash survives', () => {
    expect(didPath('acada', '/ctao/acada/DL0/LSTN-01/2025/01/01/file.fits.fz')).toBe(
      '/dids/acada/%2Fctao%2Facada%2FDL0%2FLSTN-01%2F2025%2F01%2F01%2Ffile.fits.fz',
    );
  });

  it('when the name has characters with URL meaning, then they are encoded too', () => {
    expect(didPath('user.alice', 'a b?c#d')).toBe('/dids/user.alice/a%20b%3Fc%23d');
  });

  it('when the name holds a %, then it refuses: Rucio would decode the escape again and look up another DID', () => {
    expect(() => didPath('acada', '/x%41y')).toThrow(/with % cannot be addressed/);
    expect(() => didPath('acada', 'D%1d$^0Z')).toThrow(TypeError);
  });

  it('when the scope is empty or contains a slash, or the name is empty, then it refuses', () => {
    expect(() => didPath('', 'x')).toThrow(TypeError);
    expect(() => didPath('a/b', 'x')).toThrow(TypeError);
    expect(() => didPath('acada', '')).toThrow(TypeError);
  });
});

describe('didPath against the recorded devstack Rucio (gunicorn)', () => {
  it('when the name is encoded, then Rucio found the dataset; with raw slashes it could not even parse the path', async () => {
    const { loadRecording } = await import('./replay.ts');
    const encoded = loadRecording('list-dids');
    const raw = loadRecording('list-dids-raw-slashes');
    expect(encoded.request.path).toMatch(/^\/dids\/[^/]+\/%2Fctao%2F/);
    expect(encoded.response.status).toBe(200);
    expect(raw.response.status).toBe(400);
    expect(raw.response.headers.exceptionclass).toBe('ValueError');
  });
});
