import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StackError } from './errors.ts';
import { httpAnswers } from './http.ts';
import { statePaths, type StatePaths } from './paths.ts';
import { isAlive, readPid, writePid } from './pid-file.ts';
import { startDaemon, stopAll, stopDaemon, type DaemonSpec } from './process.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => {
        resolve(port);
      });
    });
  });

/** A real child: an HTTP server that prints a line, optionally ignoring SIGTERM. */
const httpChild = (port: number, extra = '') =>
  `${extra} console.log('child up'); require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;

let paths: StatePaths;
let port: number;
const spec = (over: Partial<DaemonSpec> = {}): DaemonSpec => ({
  name: 'tiny',
  command: process.execPath,
  args: ['-e', httpChild(port)],
  health: () => httpAnswers(`http://127.0.0.1:${port}/`),
  timeoutMs: 10_000,
  ...over,
});

beforeEach(async () => {
  paths = statePaths(mkdtempSync(join(tmpdir(), 'devstack-proc-')));
  port = await freePort();
});
afterEach(async () => {
  await stopAll(paths);
  rmSync(paths.root, { recursive: true, force: true });
});

describe('startDaemon', () => {
  it('when started twice, then the second call reuses the healthy process', async () => {
    const first = await startDaemon(paths, spec());
    expect(first.reused).toBe(false);
    expect(readPid(join(paths.run, 'tiny.pid'))).toBe(first.pid);
    const second = await startDaemon(paths, spec());
    expect(second).toMatchObject({ pid: first.pid, reused: true });
  });

  it('when the pid file names a dead process, then a fresh one is started', async () => {
    writePid(join(paths.run, 'tiny.pid'), 999_999);
    const status = await startDaemon(paths, spec());
    expect(status.reused).toBe(false);
    expect(status.pid).not.toBe(999_999);
  });

  it('when the process dies at start-up, then StackError names the part, the log and its tail', async () => {
    const dying = spec({ args: ['-e', "console.error('boom: bad config'); process.exit(3)"] });
    const err = await startDaemon(paths, dying).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StackError);
    expect((err as StackError).part).toBe('tiny');
    expect((err as StackError).message).toMatch(/exited during start-up/);
    expect((err as StackError).message).toContain(join(paths.logs, 'tiny.log'));
    expect((err as StackError).logTail).toContain('boom: bad config');
    expect(existsSync(join(paths.run, 'tiny.pid'))).toBe(false);
  });

  it('when health never turns true, then it times out and kills the process', async () => {
    const status = startDaemon(
      paths,
      spec({ health: () => Promise.resolve(false), timeoutMs: 1500 }),
    );
    const err = await status.catch((e: unknown) => e);
    expect((err as StackError).message).toMatch(/not healthy after 1500 ms/);
    expect(existsSync(join(paths.run, 'tiny.pid'))).toBe(false);
  });

  it('when a foreign process already answers on the port, then it refuses to start another', async () => {
    const foreign = await startDaemon(paths, spec({ name: 'foreign' }));
    const err = await startDaemon(paths, spec()).catch((e: unknown) => e);
    expect((err as StackError).message).toMatch(/not started by devstack/);
    expect(isAlive(foreign.pid)).toBe(true);
  });
});

describe('stopDaemon / stopAll', () => {
  it('then SIGTERM stops the group and the pid file goes', async () => {
    const { pid } = await startDaemon(paths, spec());
    await expect(stopDaemon(paths, 'tiny')).resolves.toBe(true);
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(paths.run, 'tiny.pid'))).toBe(false);
    await expect(stopDaemon(paths, 'tiny')).resolves.toBe(false);
  });

  it('when SIGTERM is ignored, then SIGKILL follows after the grace period', async () => {
    const stubborn = spec({ args: ['-e', httpChild(port, "process.on('SIGTERM', () => {});")] });
    const { pid } = await startDaemon(paths, stubborn);
    await stopDaemon(paths, 'tiny', { graceMs: 500 });
    expect(isAlive(pid)).toBe(false);
  });

  it('then stopAll stops every daemon with a pid file', async () => {
    const a = await startDaemon(paths, spec({ name: 'a' }));
    const otherPort = await freePort();
    const b = await startDaemon(paths, {
      ...spec({ name: 'b', args: ['-e', httpChild(otherPort)] }),
      health: () => httpAnswers(`http://127.0.0.1:${otherPort}/`),
    });
    expect((await stopAll(paths)).sort()).toEqual(['a', 'b']);
    expect(isAlive(a.pid) || isAlive(b.pid)).toBe(false);
  });
});

describe('reuse needs the same command line', () => {
  it('when the port (args) changed, then the old daemon is replaced, not reused', async () => {
    const first = await startDaemon(paths, spec());
    const newPort = await freePort();
    const moved = spec({
      args: ['-e', httpChild(newPort)],
      health: () => httpAnswers(`http://127.0.0.1:${newPort}/`),
    });
    const second = await startDaemon(paths, moved);
    expect(second.reused).toBe(false);
    expect(isAlive(first.pid)).toBe(false);
  });
});
