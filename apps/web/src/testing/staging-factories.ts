import { RuleQuote, StagingStatus } from '@bdms/contract';
import { didApiPath, makeRule } from './did-factories.ts';

/** Contract-valid bodies of the staging routes, as the devstack answers them (CSCS-DISK, 3 d / 14 d). */

export const TAPE_FILE = {
  scope: 'dpps',
  name: '/ctao/dpps/SIM/Prod5/ctao-north/gamma/zenith20deg_az180deg/gamma_run000001.simtel.zst',
};

export const makeStagingStatus = (overrides: Partial<StagingStatus> = {}): StagingStatus =>
  StagingStatus.parse({
    where: 'tape-only',
    progress: 'not_requested',
    files: 1,
    bytes: 3712,
    filesOnDisk: 0,
    tapeRses: ['PIC-TAPE'],
    stagingRse: 'CSCS-DISK',
    lifetime: { defaultSeconds: 72 * 3600, maxSeconds: 14 * 24 * 3600 },
    rules: [],
    fetchedAt: '2026-12-03T16:00:00.000Z',
    ...overrides,
  });

/** Everything on disk already: what most DIDs answer. */
export const onDisk = (did: { scope: string; name: string }) => ({
  [`GET ${didApiPath(did, '/staging')}`]: {
    body: makeStagingStatus({
      where: 'disk',
      progress: 'on_disk',
      filesOnDisk: 1,
      tapeRses: [],
    }),
  },
});

export const makeStagingRule = (state: 'REPLICATING' | 'OK' | 'STUCK' | 'WAITING_APPROVAL') =>
  makeRule({
    id: '3f1c0e0a9b8d4c6e8f7a6b5c4d3e2f10',
    on: { ...TAPE_FILE, type: 'FILE' },
    account: 'alice',
    state,
    rseExpression: 'CSCS-DISK',
    grouping: 'DATASET',
    activity: 'Staging',
    locked: false,
    locks: {
      ok: state === 'OK' ? 1 : 0,
      replicating: state === 'REPLICATING' ? 1 : 0,
      stuck: state === 'STUCK' ? 1 : 0,
    },
    expiresAt: '2026-12-06T16:00:00.000Z',
  });

export const makeStagingQuote = (overrides: { usedBytes?: number; limitBytes?: number } = {}) => {
  const used = overrides.usedBytes ?? 0;
  const limit = overrides.limitBytes ?? 50_000;
  const after = used + 3712;
  return RuleQuote.parse({
    account: 'alice',
    files: 1,
    bytes: 3712,
    dids: [{ ...TAPE_FILE, type: 'FILE', bytes: 3712, files: 1 }],
    rses: [
      {
        rse: 'CSCS-DISK',
        usedBytes: used,
        limitBytes: limit,
        unlimited: false,
        afterBytes: after,
        fits: used < limit,
        exceeds: after > limit,
        fullGlobalLimits: [],
      },
    ],
    quotaChecked: true,
    fitting: used < limit ? 1 : 0,
    overQuota: used >= limit,
  });
};
