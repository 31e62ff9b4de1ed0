import { describe, expect, it } from 'vitest';
import { USAGE, UsageError, parseCli } from './cli-args.ts';

describe('parseCli', () => {
  it('when a command is given without flags, then every flag has its default', () => {
    expect(parseCli(['core-up'])).toEqual({ name: 'core-up', reset: false });
    expect(parseCli(['up'])).toEqual({
      name: 'up',
      reset: false,
      size: undefined,
      rebuildWeb: false,
    });
    expect(parseCli(['seed'])).toEqual({ name: 'seed', size: undefined, force: false });
    expect(parseCli(['bench'])).toEqual({
      name: 'bench',
      runs: 7,
      searchRuns: 3,
      loadSeconds: 15,
      only: ['listing', 'search', 'browser', 'load', 'geoip', 'replicas', 'downloads', 'quotas'],
    });
    expect(parseCli(['test'])).toEqual({ name: 'test' });
    expect(parseCli(['down'])).toEqual({ name: 'down' });
  });

  it('when flags are given, in any order and as --name=value, then each is read', () => {
    expect(parseCli(['up', '--size', 'bench', '--rebuild-web', '--reset'])).toEqual({
      name: 'up',
      reset: true,
      size: 'bench',
      rebuildWeb: true,
    });
    expect(parseCli(['core-up', '--reset'])).toEqual({ name: 'core-up', reset: true });
    expect(parseCli(['seed', '--force', '--size=small'])).toEqual({
      name: 'seed',
      size: 'small',
      force: true,
    });
    expect(
      parseCli(['bench', '--runs', '3', '--load-seconds', '20', '--only', 'search,browser']),
    ).toEqual({
      name: 'bench',
      runs: 3,
      searchRuns: 3,
      loadSeconds: 20,
      only: ['search', 'browser'],
    });
    expect(parseCli(['stop', 'rucio'])).toEqual({ name: 'stop', part: 'rucio' });
  });

  it('when no command, help, --help or -h is given, then help is asked for', () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']])
      expect(parseCli(argv)).toEqual({ name: 'help' });
    expect(USAGE).toContain('up [--reset] [--size small|bench] [--rebuild-web]');
  });

  it.each([
    [['launch'], 'unknown command "launch"'],
    [['up', '--rebuild'], "Unknown option '--rebuild'"],
    [['test', '--reset'], "Unknown option '--reset'"],
    [['up', '--size'], "'--size <value>' argument missing"],
    [['up', '--size', 'huge'], '--size must be small or bench, not "huge"'],
    [['bench', '--runs', 'many'], '--runs must be a whole number ≥ 1, not "many"'],
    [['bench', '--runs', '0'], '--runs must be a whole number ≥ 1'],
    [['bench', '--load-seconds', '1.5'], '--load-seconds must be a whole number ≥ 1'],
    [
      ['bench', '--only', 'search,maps'],
      '--only takes a comma list of listing, search, browser, load, geoip',
    ],
    [['bench', '--search-runs', '0'], '--search-runs must be a whole number ≥ 1'],
    [['stop'], 'usage: stop <part>'],
    [['stop', 'rucio', 'idp'], 'unexpected argument "idp"'],
    [['down', 'now'], 'Unexpected argument'],
  ])('when the command line is %j, then it is a usage error naming the problem', (argv, text) => {
    expect(() => parseCli(argv)).toThrow(UsageError);
    expect(() => parseCli(argv)).toThrow(text);
  });
});
