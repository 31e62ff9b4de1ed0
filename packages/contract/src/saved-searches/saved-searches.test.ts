import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../openapi.ts';
import { NewSavedSearch, SavedSearchChanges, SavedSearchName } from './schemas.ts';

type Operation = { responses: Record<string, { content?: unknown }>; requestBody?: unknown };
const doc = buildOpenApi('1') as { paths: Record<string, Record<string, Operation>> };

describe('saved search schemas', () => {
  it('trims names and refuses empty, over-long and control-character ones', () => {
    expect(SavedSearchName.parse('  Crab  ')).toBe('Crab');
    expect(SavedSearchName.safeParse('   ').success).toBe(false);
    expect(SavedSearchName.safeParse('x'.repeat(120)).success).toBe(true);
    expect(SavedSearchName.safeParse('x'.repeat(121)).success).toBe(false);
    expect(SavedSearchName.safeParse('a\tb').success).toBe(false);
    expect(SavedSearchName.safeParse('Crab ≥ 2 h, “north”').success).toBe(true);
  });

  it('checks the shape of a new query only (validateQuery decides the rest)', () => {
    const query = { scopes: ['acada'], groups: [[{ key: 'k', op: '~~', value: 'v' }]] };
    expect(NewSavedSearch.safeParse({ name: 'n', query }).success).toBe(true);
    expect(NewSavedSearch.safeParse({ name: 'n', query: { scopes: 'acada' } }).success).toBe(false);
    expect(SavedSearchChanges.parse({})).toEqual({});
  });
});

describe('saved search routes in the OpenAPI document', () => {
  const one = doc.paths['/api/saved-searches/{id}'] ?? {};

  it('documents rename as PATCH and delete as a 204 without a body', () => {
    expect(Object.keys(one).sort()).toEqual(['delete', 'get', 'patch']);
    expect(one.delete?.responses['204']).toEqual({ description: 'Done (no body)' });
    expect(JSON.stringify(one.patch?.requestBody)).toContain('SavedSearchChanges');
  });

  it('documents 409 conflict on create and rename, 404 on every route of one saved search', () => {
    const create = doc.paths['/api/saved-searches']?.post;
    expect(Object.keys(create?.responses ?? {})).toContain('201');
    expect(JSON.stringify(create?.responses['409'])).toContain('"enum":["conflict"]');
    expect(JSON.stringify(one.patch?.responses['409'])).toContain('"enum":["conflict"]');
    for (const op of [
      one.get,
      one.patch,
      one.delete,
      doc.paths['/api/saved-searches/{id}/runs']?.post,
    ])
      expect(JSON.stringify(op?.responses['404'])).toContain('"enum":["not_found"]');
  });
});
