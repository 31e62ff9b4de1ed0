import { describe, expect, it } from 'vitest';
import type { DidRule, ReplicaSummary } from '@bdms/contract';
import { loadConfig } from '../../src/config.ts';
import { stagingStatus } from '../../src/staging/staging-status.ts';

/*
 * Where a DID is and how far staging it is, from the portal's own replica summary and rules (the
 * shapes the BFF made of Rucio's answers; the Rucio side is covered by the integration test).
 */
const ENV = {
  OIDC_ISSUER: 'https://iam.example.org/',
  OIDC_CLIENT_ID: 'c',
  OIDC_CLIENT_SECRET: 's',
  RUCIO_URL: 'https://rucio.example.org',
  DATABASE_URL: 'postgresql://portal@db.example.org:5432/bdms_portal',
};
const config = loadConfig(ENV).staging;
const types = new Map([
  ['CSCS-DISK', 'DISK'],
  ['DESY-ZN-DISK', 'DISK'],
  ['PIC-TAPE', 'TAPE'],
] as const);
const now = new Date('2026-12-03T17:00:00Z');

const row = (rse: string, available: number, total = 6, state = 'AVAILABLE') => ({
  rse,
  state,
  availableFiles: available,
  totalFiles: total,
  availableBytes: available * 1000,
  totalBytes: total * 1000,
});
const summary = (...rses: ReturnType<typeof row>[]): ReplicaSummary => ({
  source: 'dataset_replicas',
  rses,
});
const rule = (over: Partial<DidRule> = {}): DidRule => ({
  id: 'a'.repeat(32),
  on: { scope: 'dpps', name: '/x', type: 'DATASET' },
  direct: true,
  account: 'alice',
  state: 'REPLICATING',
  rseExpression: 'CSCS-DISK',
  copies: 1,
  locks: { ok: 2, replicating: 4, stuck: 0 },
  grouping: 'DATASET',
  activity: 'Staging',
  locked: false,
  createdAt: '2026-12-03T16:00:00.000Z',
  expiresAt: '2026-12-06T16:00:00.000Z',
  error: null,
  comment: null,
  ...over,
});
const status = (s: ReplicaSummary, rules: DidRule[] = []) =>
  stagingStatus({ summary: s, types, rules, config, now });

describe('staging status', () => {
  it('the devstack defaults: CSCS-DISK (the disk nearest PIC-TAPE), activity Staging, 3 days, at most 14', () => {
    expect(config).toEqual({
      rse: 'CSCS-DISK',
      activity: 'Staging',
      lifetime: { defaultSeconds: 72 * 3600, maxSeconds: 14 * 86_400 },
    });
    expect(() =>
      loadConfig({
        ...ENV,
        STAGING_LIFETIME_DEFAULT_HOURS: '400',
        STAGING_LIFETIME_MAX_HOURS: '300',
      }),
    ).toThrow(/STAGING_LIFETIME_DEFAULT_HOURS \(400\) must not exceed/);
  });

  it('when only tape holds the files, then tape-only and not requested, the tape named as source', () => {
    expect(status(summary(row('PIC-TAPE', 6)))).toMatchObject({
      where: 'tape-only',
      progress: 'not_requested',
      files: 6,
      bytes: 6000,
      filesOnDisk: 0,
      tapeRses: ['PIC-TAPE'],
      stagingRse: 'CSCS-DISK',
    });
  });

  it('when one disk holds every file, then on disk, whatever tape holds', () => {
    expect(status(summary(row('DESY-ZN-DISK', 6), row('PIC-TAPE', 6)))).toMatchObject({
      where: 'disk',
      progress: 'on_disk',
    });
  });

  it('when disks hold some files and tape the rest, then partial; nothing anywhere is none and cannot be staged', () => {
    expect(status(summary(row('CSCS-DISK', 2), row('PIC-TAPE', 6))).where).toBe('partial');
    expect(status(summary(row('CSCS-DISK', 0, 6, 'COPYING')))).toMatchObject({
      where: 'none',
      progress: 'cannot_stage',
    });
  });

  it('a staging rule in flight: replicating, stuck with stuck locks, waiting for approval; rules elsewhere and expired ones are not staging', () => {
    const tape = summary(row('PIC-TAPE', 6), row('CSCS-DISK', 2));
    expect(status(tape, [rule()]).progress).toBe('replicating');
    expect(
      status(tape, [rule({ state: 'STUCK', locks: { ok: 2, replicating: 0, stuck: 4 } })]).progress,
    ).toBe('stuck');
    expect(status(tape, [rule({ state: 'WAITING_APPROVAL' })]).progress).toBe('waiting_approval');
    // OK while the replica counts lag: still replicating, not "not requested".
    expect(status(tape, [rule({ state: 'OK' })]).progress).toBe('replicating');
    const others = [
      rule({ rseExpression: 'OFFSITE' }),
      rule({ expiresAt: '2026-12-03T16:59:00.000Z' }),
    ];
    expect(status(tape, others)).toMatchObject({ progress: 'not_requested', rules: [] });
  });

  it('the newest staging rule speaks first', () => {
    const older = rule({
      id: 'b'.repeat(32),
      state: 'STUCK',
      createdAt: '2026-12-01T00:00:00.000Z',
    });
    const s = status(summary(row('PIC-TAPE', 6)), [older, rule()]);
    expect(s.rules.map((r) => r.id)).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
    expect(s.progress).toBe('replicating');
  });
});
