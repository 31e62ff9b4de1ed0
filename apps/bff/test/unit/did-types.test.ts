import { describe, expect, it } from 'vitest';
import { cachedDidTypes } from '../../src/lib/did-types.ts';

describe('cachedDidTypes', () => {
  it('asks Rucio once per DID, and again after a refusal (an unknown DID is never remembered)', async () => {
    const asked: string[] = [];
    const types = cachedDidTypes((d) => {
      asked.push(d.name);
      if (d.name === '/missing') return Promise.reject(new Error('DataIdentifierNotFound'));
      return Promise.resolve({ scope: d.scope, name: d.name, type: 'CONTAINER' } as never);
    });
    const did = { token: 't', scope: 'acada', name: '/ctao/x' };
    expect(await types(did)).toBe('CONTAINER');
    expect(await types({ ...did, token: 'another user' })).toBe('CONTAINER');
    await expect(types({ ...did, name: '/missing' })).rejects.toThrow('DataIdentifierNotFound');
    await expect(types({ ...did, name: '/missing' })).rejects.toThrow('DataIdentifierNotFound');
    expect(asked).toEqual(['/ctao/x', '/missing', '/missing']);
  });
});
