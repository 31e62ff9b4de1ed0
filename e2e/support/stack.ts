import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Drives the real local stack through its CLI (a real outage: the process stops). */
export function devstack(...args: string[]): void {
  const res = spawnSync(
    'pnpm',
    ['--silent', '--filter', '@bdms/devstack', 'exec', 'tsx', 'src/cli.ts', ...args],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  if (res.status !== 0)
    throw new Error(`devstack ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
}
