#!/usr/bin/env -S npx tsx
/**
 * devstack CLI: a thin dispatcher over the exported functions in core/ and lib/.
 *   core-up [--reset]   venv + PostgreSQL + Rucio + storage (idempotent; --reset wipes DB + storage)
 *   up [--reset] [--size small|bench] [--rebuild-web]
 *                       the whole stack: core → IdP → demo archive → SPA build → BFF; prints the URL
 *   test                every check and test suite; brings the stack up and down around integration/e2e
 *   bench [--runs N]    the benchmark against the bench-size archive
 *   seed [--size small|bench]
 *   stop <part>         stops one daemon (rucio, idp, bff, storage, ...); `up`/`core-up` starts it again
 *   down                stops every daemon with a pid file in .devstack/run
 */
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

type Command = (args: readonly string[], log: Logger) => Promise<void>;

const commands: Record<string, Command> = {
  'core-up': async (args, log) => {
    const env = readEnv();
    await coreUp(statePaths(env.DEVSTACK_HOME), env, log, { reset: args.includes('--reset') });
  },
  up: async (args, log) => {
    const env = readStackEnv();
    const size = option(args, '--size') === 'bench' ? 'bench' : env.SEED_SIZE;
    const opts = {
      reset: args.includes('--reset'),
      size,
      rebuildWeb: args.includes('--rebuild-web'),
    } as const;
    await up(statePaths(env.DEVSTACK_HOME), env, log, opts);
  },
  test: async (_args, log) => {
    const env = readStackEnv();
    if (!(await test(statePaths(env.DEVSTACK_HOME), env, log)))
      throw new Error('some checks failed (summary above)');
  },
  bench: async (args, log) => {
    const env = readStackEnv();
    const runs = Number(option(args, '--runs') ?? 7);
    if (!(await bench(statePaths(env.DEVSTACK_HOME), env, log, runs)))
      throw new Error('benchmark targets missed');
  },
  seed: async (args, log) => {
    const env = readStackEnv();
    const size = option(args, '--size') === 'bench' ? 'bench' : env.SEED_SIZE;
    const summary = await runSeed({
      paths: statePaths(env.DEVSTACK_HOME),
      size,
      force: args.includes('--force'),
    });
    log.info(describeSeed(summary));
  },
  stop: async (args, log) => {
    const [part] = args;
    if (!part) throw new Error('usage: stop <part>');
    const stopped = await stopDaemon(statePaths(readEnv().DEVSTACK_HOME), part);
    log.info(stopped ? `stopped ${part}` : `${part} was not running`);
  },
  down: async (_args, log) => {
    const stopped = await stopAll(statePaths(readEnv().DEVSTACK_HOME));
    log.info(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running');
  },
};

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const log = createLogger();
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) {
    log.error(`unknown command "${name}"; commands: ${Object.keys(commands).join(', ')}`);
    return 2;
  }
  try {
    await command(args, log);
    return 0;
  } catch (err) {
    // StackError messages already name the part ("[rucio] ...") and its log.
    if (err instanceof StackError) log.error(err.message);
    else log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
