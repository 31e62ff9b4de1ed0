/**
 * Runs the seed's pytest suite (apps/devstack/python/tests) in the project venv, so the one test
 * command covers the Python side too. Skipped before the venv exists or when pytest is not in it
 * (it comes from python/requirements-dev.txt).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonDir, statePaths } from '../lib/paths.ts';

const python = statePaths().venvPython;
const hasPytest =
  existsSync(python) &&
  spawnSync(python, ['-c', 'import pytest'], { stdio: 'ignore' }).status === 0;

describe('seed python package', () => {
  it.skipIf(!hasPytest)(
    'then its pytest suite passes',
    () => {
      const run = spawnSync(
        python,
        ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', join(pythonDir, 'tests')],
        {
          cwd: pythonDir,
          encoding: 'utf8',
          env: { PATH: '/usr/bin:/bin', PYTHONDONTWRITEBYTECODE: '1' },
          timeout: 120_000,
        },
      );
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    },
    130_000,
  );
});
