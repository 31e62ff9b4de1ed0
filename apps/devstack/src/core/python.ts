/**
 * The project's Python venv (.devstack/venv): Rucio 41 server, gunicorn, WsgiDAV, CTAO policy.
 * Re-installs only when requirements.txt changed (its sha256 is stamped into the venv).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StackError } from '../lib/errors.ts';
import { logPath, pythonDir, type StatePaths } from '../lib/paths.ts';
import { runCapture, runLogged } from '../lib/run.ts';

export const requirementsFile = join(pythonDir, 'requirements.txt');
const MIN_MINOR = 10;
const CANDIDATES = ['python3.12', 'python3.11', 'python3.10', 'python3.13', 'python3'];
const INSTALL_HINT =
  'install Python >= 3.10 with venv support (Debian/Ubuntu: apt-get install python3 python3-venv), ' +
  'or point DEVSTACK_PYTHON at one';

export interface VenvStatus {
  python: string;
  venv: string;
  installed: boolean;
  warnings: string[];
}

/** Parses `sys.version_info[:2]` printed as "3 11". */
export function parsePythonVersion(out: string): { major: number; minor: number } | undefined {
  const m = /^(\d+)\s+(\d+)/.exec(out.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

export async function findPython(preferred?: string): Promise<string> {
  const tried: string[] = [];
  for (const cmd of preferred ? [preferred] : CANDIDATES) {
    const res = await runCapture(cmd, ['-c', 'import sys; print(*sys.version_info[:2])']).catch(
      () => undefined,
    );
    const v = res?.code === 0 ? parsePythonVersion(res.stdout) : undefined;
    if (v && v.major === 3 && v.minor >= MIN_MINOR) return cmd;
    tried.push(v ? `${cmd} (${v.major}.${v.minor})` : `${cmd} (not found)`);
  }
  throw new StackError(
    'python',
    `no usable Python found; tried ${tried.join(', ')}. ${INSTALL_HINT}`,
  );
}

export const requirementsHash = (text: string): string =>
  createHash('sha256').update(text).digest('hex');

const stampFile = (paths: StatePaths) => join(paths.venv, '.devstack-requirements.sha256');

export async function ensureVenv(paths: StatePaths, preferredPython?: string): Promise<VenvStatus> {
  const log = logPath(paths, 'pip');
  if (existsSync(paths.venv) && !(await venvWorks(paths))) {
    // e.g. the interpreter it was made from was upgraded or removed: start over.
    rmSync(paths.venv, { recursive: true, force: true });
  }
  const python = existsSync(paths.venvPython)
    ? paths.venvPython
    : await findPython(preferredPython);
  if (!existsSync(paths.venvPython)) {
    await runLogged(python, ['-m', 'venv', paths.venv], {
      part: 'python venv',
      logFile: log,
    }).catch((err: unknown) => {
      throw new StackError('python venv', `${String(err)}\n  hint: ${INSTALL_HINT}`, log);
    });
  }
  const wanted = requirementsHash(readFileSync(requirementsFile, 'utf8'));
  const stamp = existsSync(stampFile(paths)) ? readFileSync(stampFile(paths), 'utf8').trim() : '';
  const installed = stamp !== wanted;
  if (installed) {
    const pip = ['-m', 'pip', 'install', '--disable-pip-version-check', '-r', requirementsFile];
    await runLogged(paths.venvPython, pip, { part: 'pip install', logFile: log });
    writeFileSync(stampFile(paths), `${wanted}\n`);
  }
  return { python, venv: paths.venv, installed, warnings: await checkNativeLibs(paths) };
}

async function venvWorks(paths: StatePaths): Promise<boolean> {
  const res = await runCapture(paths.venvPython, ['-c', 'import sys']).catch(() => undefined);
  return res?.code === 0;
}

/** python-magic needs libmagic; only Rucio's dump tools import it, so this is a warning. */
async function checkNativeLibs(paths: StatePaths): Promise<string[]> {
  const res = await runCapture(paths.venvPython, ['-c', 'import magic']);
  if (res.code === 0) return [];
  return ['libmagic is missing (python-magic cannot load it): apt-get install libmagic1'];
}

/** site-packages of the venv (for alembic's absolute script_location). */
export async function sitePackages(paths: StatePaths): Promise<string> {
  const code = "import sysconfig; print(sysconfig.get_paths()['purelib'])";
  const res = await runCapture(paths.venvPython, ['-c', code]);
  if (res.code !== 0)
    throw new StackError('python venv', `cannot locate site-packages: ${res.stderr}`);
  return res.stdout.trim();
}
