/** Pure: the devstack command line, parsed by Node's util.parseArgs (strict: unknown flags are errors). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SeedSize } from './seed/seed-args.ts';

export const USAGE = `usage: devstack <command> [options]
  core-up [--reset]   venv + PostgreSQL + Rucio + storage (idempotent; --reset wipes DB + storage)
  up [--reset] [--size small|bench] [--rebuild-web]
                      the whole stack: core → IdP → demo archive → transfer loop → SPA build → BFF;
                      prints the URL
  test                every check and test suite; brings the stack up and down around integration/e2e
  bench [--runs N] [--search-runs N] [--load-seconds S] [--only PARTS]
                      the benchmark against the bench-size archive (default 7 listing and
                      names-only runs, 3 runs of each whole enriched search and export, load runs
                      of 15 s); PARTS: a comma list of listing, search, browser, load, geoip,
                      replicas, downloads (downloads alone runs on the archive already seeded)
  seed [--size small|bench] [--force]
  stop <part>         stops one daemon (rucio, idp, bff, storage, transfers, ...); \`up\` starts
                      it again (\`core-up\` the core ones)
  down                stops every daemon with a pid file in .devstack/run
  help                this text`;

export const BENCH_PARTS = [
  'listing',
  'search',
  'browser',
  'load',
  'geoip',
  'replicas',
  'downloads',
  'quotas',
] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

/** `size` is undefined when not given: the caller falls back to SEED_SIZE from the environment. */
export type CliCommand =
  | { name: 'core-up'; reset: boolean }
  | { name: 'up'; reset: boolean; size: SeedSize | undefined; rebuildWeb: boolean }
  | { name: 'test' }
  | { name: 'bench'; runs: number; searchRuns: number; loadSeconds: number; only: BenchPart[] }
  | { name: 'seed'; size: SeedSize | undefined; force: boolean }
  | { name: 'stop'; part: string }
  | { name: 'down' }
  | { name: 'help' };

/** A command line that does not say what to do; the CLI prints it with USAGE and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

const flag = { type: 'boolean', default: false } as const;
const text = { type: 'string' } as const;

function parse<O extends Options>(command: string, args: string[], options: O, positionals = 0) {
  try {
    const out = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
    const extra = out.positionals[positionals];
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    return out;
  } catch (error) {
    // parseArgs throws a TypeError whose message names the option ("Unknown option '--x'").
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function seedSize(value: string | undefined): SeedSize | undefined {
  if (value === undefined || value === 'small' || value === 'bench') return value;
  throw new UsageError(`--size must be small or bench, not "${value}"`);
}

function wholeNumber(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${option} must be a whole number ≥ 1, not "${value}"`);
  return n;
}

const runs = (value: string): number => wholeNumber('--runs', value);

function benchParts(value: string | undefined): BenchPart[] {
  if (value === undefined) return [...BENCH_PARTS];
  const parts = value.split(',').map((p) => p.trim());
  const bad = parts.find((p) => !(BENCH_PARTS as readonly string[]).includes(p));
  if (bad !== undefined || parts.length === 0)
    throw new UsageError(`--only takes a comma list of ${BENCH_PARTS.join(', ')}, not "${value}"`);
  return parts as BenchPart[];
}

const parsers: Record<string, (args: string[]) => CliCommand> = {
  'core-up': (args) => ({
    name: 'core-up',
    reset: parse('core-up', args, { reset: flag }).values.reset,
  }),
  up: (args) => {
    const { values } = parse('up', args, { reset: flag, size: text, 'rebuild-web': flag });
    return {
      name: 'up',
      reset: values.reset,
      size: seedSize(values.size),
      rebuildWeb: values['rebuild-web'],
    };
  },
  test: (args) => {
    parse('test', args, {});
    return { name: 'test' };
  },
  bench: (args) => {
    const options = { runs: text, 'search-runs': text, 'load-seconds': text, only: text };
    const { values } = parse('bench', args, options);
    return {
      name: 'bench',
      runs: runs(values.runs ?? '7'),
      searchRuns: wholeNumber('--search-runs', values['search-runs'] ?? '3'),
      loadSeconds: wholeNumber('--load-seconds', values['load-seconds'] ?? '15'),
      only: benchParts(values.only),
    };
  },
  seed: (args) => {
    const { values } = parse('seed', args, { size: text, force: flag });
    return { name: 'seed', size: seedSize(values.size), force: values.force };
  },
  stop: (args) => {
    const [part] = parse('stop', args, {}, 1).positionals;
    if (!part) throw new UsageError('usage: stop <part>');
    return { name: 'stop', part };
  },
  down: (args) => {
    parse('down', args, {});
    return { name: 'down' };
  },
  help: () => ({ name: 'help' }),
};

/** `argv` without node and the script: `['up', '--reset']`. No command, `--help` or `-h` asks for help. */
export function parseCli(argv: readonly string[]): CliCommand {
  const [name = 'help', ...args] = argv;
  if (name === '--help' || name === '-h') return { name: 'help' };
  const parser = parsers[name];
  if (!parser) throw new UsageError(`unknown command "${name}"`);
  return parser(args);
}
