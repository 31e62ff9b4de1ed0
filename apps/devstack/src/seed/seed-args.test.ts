import { describe, expect, it } from 'vitest';
import { seedArgs } from './seed-args.ts';

const base = {
  rucioUrl: 'http://127.0.0.1:4410',
  username: 'ddmlab',
  storageUrl: 'http://127.0.0.1:4420',
  storageRoot: '/x/.devstack/storage',
  size: 'small' as const,
  summaryFile: '/x/.devstack/run/seed-summary.json',
};

describe('seedArgs', () => {
  it('when only the required options are given, then python runs the seed module with them', () => {
    expect(seedArgs(base)).toEqual([
      '-m',
      'seed',
      '--rucio-url',
      'http://127.0.0.1:4410',
      '--username',
      'ddmlab',
      '--storage-url',
      'http://127.0.0.1:4420',
      '--storage-root',
      '/x/.devstack/storage',
      '--size',
      'small',
      '--summary',
      '/x/.devstack/run/seed-summary.json',
    ]);
  });

  it('when optional knobs are set, then each becomes its flag', () => {
    const args = seedArgs({
      ...base,
      size: 'bench',
      files: 5000,
      seed: 7,
      force: true,
      rucioConfig: '/c/rucio.cfg',
      logDir: '/l',
      verify: 10,
      rseHosts: { 'CSCS-DISK': '127.0.0.14' },
      storageTlsPort: 4421,
    });
    expect(args.join(' ')).toContain(`--rse-hosts {"CSCS-DISK":"127.0.0.14"}`);
    expect(args.join(' ')).toContain('--storage-tls-port 4421');
    expect(args.join(' ')).toContain('--size bench');
    expect(args.join(' ')).toContain(
      '--files 5000 --seed 7 --force --rucio-config /c/rucio.cfg --log-dir /l --verify 10',
    );
  });

  it('then the password never appears on the command line', () => {
    expect(seedArgs(base).join(' ')).not.toMatch(/password/i);
  });
});
