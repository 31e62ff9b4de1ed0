#!/usr/bin/env -S npx tsx
/**
 * devstack CLI: a thin dispatcher over the exported functions in core/, seed/ and stack/. The
 * commands and their flags are in cli-args.ts (USAGE), parsed there with util.parseArgs.
 */
import { USAGE, UsageError, parseCli, type CliCommand } from './cli-args.ts';
import { readEnv } from './core/config.ts';
import { coreUp } from './core/core-up.ts';
import { StackError } from './lib/errors.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { statePaths } from './lib/paths.ts';
import { stopAll, stopDaemon } from './lib/process.ts';
import { runSeed } from './seed/run-seed.ts';
import { describeSeed } from './seed/seed-summary.ts';
import { bench } from './stack/bench.ts';
import { readStackEnv } from './stack/config.ts';
import { test } from './stack/test.ts';
import { up } from './stack/up.ts';

type Handlers = {
  [N in CliCommand['name']]: (cmd: Extract<CliCommand, { name: N }>, log: Logger) => Promise<void>;
};

const handlers: Handlers = {
  'core-up': async (cmd, log) => {
    const env = readEnv();
    await coreUp(statePaths(env.DEVSTACK_HOME), env, log, { reset: cmd.reset });
  },
  up: async (cmd, log) => {
    const env = readStackEnv();
    const opts = { reset: cmd.reset, size: cmd.size ?? env.SEED_SIZE, rebuildWeb: cmd.rebuildWeb };
    await up(statePaths(env.DEVSTACK_HOME), env, log, opts);
  },
  test: async (_cmd, log) => {
    const env = readStackEnv();
    if (!(await test(statePaths(env.DEVSTACK_HOME), env, log)))
      throw new Error('some checks failed (summary above)');
  },
  bench: async (cmd, log) => {
    const env = readStackEnv();
    if (!(await bench(statePaths(env.DEVSTACK_HOME), env, log, cmd)))
      throw new Error('benchmark targets missed');
  },
  seed: async (cmd, log) => {
    const env = readStackEnv();
    const paths = statePaths(env.DEVSTACK_HOME);
    const summary = await runSeed({ paths, size: cmd.size ?? env.SEED_SIZE, force: cmd.force });
    log.info(describeSeed(summary));
  },
  stop: async (cmd, log) => {
    const stopped = await stopDaemon(statePaths(readEnv().DEVSTACK_HOME), cmd.part);
    log.info(stopped ? `stopped ${cmd.part}` : `${cmd.part} was not running`);
  },
  down: async (_cmd, log) => {
    const stopped = await stopAll(statePaths(readEnv().DEVSTACK_HOME));
    log.info(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running');
  },
  help: () => {
    process.stdout.write(`${USAGE}\n`);
    return Promise.resolve();
  },
};

// TypeScript cannot pair handlers[cmd.name] with cmd's own variant; the Handlers type does.
const execute = (cmd: CliCommand, log: Logger): Promise<void> =>
  (handlers[cmd.name] as (c: CliCommand, l: Logger) => Promise<void>)(cmd, log);

async function main(argv: readonly string[]): Promise<number> {
  const log = createLogger();
  try {
    await execute(parseCli(argv), log);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      log.error(err.message);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    // StackError messages already name the part ("[rucio] ...") and its log.
    if (err instanceof StackError) log.error(err.message);
    else log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    // fetch's "fetch failed" says why only in its cause (reset, timeout, refused).
    const cause: unknown = err instanceof Error ? err.cause : undefined;
    if (cause !== undefined)
      log.error(`cause: ${cause instanceof Error ? cause.message : JSON.stringify(cause)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
