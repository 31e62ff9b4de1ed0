/** Runs a command to completion, its output appended to a part's log; throws StackError on failure. */
import { spawn } from 'node:child_process';
import { StackError } from './errors.ts';
import { closeLog, openLog, tailLog } from './log-file.ts';

export interface RunOptions {
  part: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as another user (only when we are root), e.g. PostgreSQL's initdb. */
  uid?: number;
  gid?: number;
}

export async function runLogged(command: string, args: string[], opts: RunOptions): Promise<void> {
  const fd = openLog(opts.logFile, `$ ${command} ${args.join(' ')}`);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const ids = opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid };
      const child = spawn(command, args, {
        env: opts.env,
        cwd: opts.cwd,
        stdio: ['ignore', fd, fd],
        ...ids,
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) {
      const msg = `${command} ${args.join(' ')} exited with code ${String(code)}`;
      throw new StackError(opts.part, msg, opts.logFile, tailLog(opts.logFile));
    }
  } catch (err) {
    if (err instanceof StackError) throw err;
    throw new StackError(opts.part, `cannot run ${command}: ${String(err)}`, opts.logFile);
  } finally {
    closeLog(fd);
  }
}

/** Runs a short command and returns its stdout (stderr kept for the error message). */
export async function runCapture(
  command: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}
