import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statePaths } from '../lib/paths.ts';
import { classify, storageId, STORAGE_ID_FILE } from './storage-owner.ts';

describe('classify', () => {
  const id = 'id-here';
  it('keeps a database without replicas, whoever it names', () => {
    expect(classify({ hasReplicas: false, owner: 'other' }, id, false)).toBe('empty');
  });
  it('keeps a database that names this folder', () => {
    expect(classify({ hasReplicas: true, owner: id }, id, false)).toBe('ours');
  });
  it('adopts an unnamed database when this folder holds a seed (before storage ids existed)', () => {
    expect(classify({ hasReplicas: true, owner: undefined }, id, true)).toBe('adopted');
  });
  it('calls foreign an unnamed database with replicas beside a folder that was never seeded', () => {
    expect(classify({ hasReplicas: true, owner: undefined }, id, false)).toBe('foreign');
  });
  it('calls foreign a database naming another folder, even beside a seeded one', () => {
    expect(classify({ hasReplicas: true, owner: 'other' }, id, true)).toBe('foreign');
  });
});

describe('storageId', () => {
  let home: string | undefined;
  afterEach(() => {
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('creates the id once, with the folder, and reads it back after', () => {
    home = mkdtempSync(join(tmpdir(), 'owner-'));
    const paths = statePaths(home);
    const first = storageId(paths);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(storageId(paths)).toBe(first);
    expect(readFileSync(join(paths.storage, STORAGE_ID_FILE), 'utf8').trim()).toBe(first);
  });

  it('reads an id written by an earlier run, trimmed', () => {
    home = mkdtempSync(join(tmpdir(), 'owner-'));
    const paths = statePaths(home);
    storageId(paths);
    writeFileSync(join(paths.storage, STORAGE_ID_FILE), 'kept\n');
    expect(storageId(paths)).toBe('kept');
  });
});
