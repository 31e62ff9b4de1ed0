import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/paths.ts';
import { BFF_NODE_FLAGS } from './apps.ts';

/** The BFF runs with the same Node flags however it is started (see BFF_NODE_FLAGS). */
describe('the BFF node flags', () => {
  const read = (...p: string[]) => readFileSync(join(repoRoot, ...p), 'utf8');

  it('are the start script of apps/bff, before its entry point', () => {
    const pkg = JSON.parse(read('apps', 'bff', 'package.json')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe(`node ${BFF_NODE_FLAGS.join(' ')} --import tsx src/main.ts`);
  });

  it("are the image's CMD, before its entry point", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('docker', 'portal.Dockerfile'))?.[1];
    expect(cmd && (JSON.parse(cmd) as string[])).toEqual([
      'node',
      ...BFF_NODE_FLAGS,
      '--import',
      'tsx',
      'apps/bff/src/main.ts',
    ]);
  });

  it('are flags this node accepts', () => {
    const run = spawnSync(process.execPath, [...BFF_NODE_FLAGS, '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
