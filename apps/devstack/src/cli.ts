#!/usr/bin/env -S npx tsx
/**
 * devstack CLI: a thin dispatcher over the exported functions in core/ and lib/.
 *   core-up [--reset]   venv + PostgreSQL + Rucio + storage (idempotent; --reset wipes DB + storage)
 *   down                stops every daemon with a pid file in .devstack/run
 */
import { readEnv } from './core/config.ts';
import { coreUp } from './core/core-up.ts';
import { StackError } from './lib/errors.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { statePaths } from './lib/paths.ts';
import { stopAll } from './lib/process.ts';

type Command = (args: readonly string[], log: Logger) => Promise<void>;

const commands: Record<string, Command> = {
  'core-up': async (args, log) => {
    const env = readEnv();
    await coreUp(statePaths(env.DEVSTACK_HOME), env, log, { reset: args.includes('--reset') });
  },
  down: async (_args, log) => {
    const stopped = await stopAll(statePaths(readEnv().DEVSTACK_HOME));
    log.info(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running');
  },
};

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
