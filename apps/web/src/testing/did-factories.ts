import {
  DidDetails,
  DidListingRow,
  DidRuleList,
  DidSummary,
  ReplicaSummary,
  ScopeRoots,
  type DidRule,
} from '@bdms/contract';

/** Contract-valid bodies of the DID routes, shaped like the seeded CTAO archive. */

export const DATASET = {
  scope: 'acada',
  name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03',
};
export const CONTAINER = { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02' };
export const FILE = {
  scope: 'acada',
  name: `${DATASET.name}/SUB002_SWAT000_20250203T211400_SBID0000000002000000001_OBSID0000000002000000001_SUBARRAY_CHUNK000.fits.fz`,
};

/** The BFF's path for a DID route: the name is one encoded segment. */
export const didApiPath = (did: { scope: string; name: string }, tail = ''): string =>
  `/api/dids/${encodeURIComponent(did.scope)}/${encodeURIComponent(did.name)}${tail}`;

export const makeDidSummary = (overrides: Partial<DidSummary> = {}): DidSummary =>
  DidSummary.parse({ ...FILE, type: 'FILE', bytes: 4853, ...overrides });

/** Rows of a dataset's contents: files, each counting 1. */
export const makeFiles = (n: number, parent = DATASET.name): DidListingRow[] =>
  Array.from({ length: n }, (_, i) => ({
    ...makeDidSummary({
      name: `${parent}/file_${String(i).padStart(6, '0')}.fits.fz`,
      bytes: 2_000_000_000 + i,
    }),
    length: 1,
  }));

/** Rows of a container's contents: datasets with their file counts (null: Rucio has none). */
export const makeDatasetRows = (
  counts: readonly (number | null)[],
  parent = CONTAINER.name,
): DidListingRow[] =>
  counts.map((length, i) =>
    DidListingRow.parse({
      scope: 'acada',
      name: `${parent}/${String(i + 1).padStart(2, '0')}`,
      type: 'DATASET',
      bytes: length === null ? null : length * 4_000_000_000,
      length,
    }),
  );

export const makeDidDetails = (overrides: Partial<DidDetails> = {}): DidDetails =>
  DidDetails.parse({
    ...DATASET,
    type: 'DATASET',
    account: 'root',
    bytes: 26_012,
    length: 6,
    adler32: null,
    md5: null,
    createdAt: '2026-12-02T00:27:13.000Z',
    updatedAt: '2026-12-02T00:27:13.000Z',
    expiresAt: null,
    status: {
      open: true,
      monotonic: false,
      availability: 'AVAILABLE',
      suppressed: false,
      obsolete: false,
      hidden: false,
    },
    metadata: [],
    ...overrides,
  });

export const makeFileDetails = (overrides: Partial<DidDetails> = {}): DidDetails =>
  makeDidDetails({
    ...FILE,
    type: 'FILE',
    bytes: 4853,
    length: 1,
    adler32: 'bc7e9586',
    md5: '9eb6cd88c7af04dbf30465f5ab3fee0f',
    metadata: [
      {
        key: 'obs_id',
        plugin: 'JSON',
        kind: 'number',
        value: 2000000001,
        description: 'Observation id',
      },
      { key: 'ra_pnt', plugin: 'JSON', kind: 'number', value: 83.63308, unit: 'deg' },
      {
        key: 'start_time',
        plugin: 'JSON',
        kind: 'datetime',
        value: '2025-02-03T21:14:00',
        unit: 'UTC',
      },
      { key: 'tel_ids', plugin: 'JSON', kind: 'list', value: [1, 2] },
      { key: 'valid_fits_checksum', plugin: 'JSON', kind: 'boolean', value: true },
    ],
    ...overrides,
  });

export const makeRule = (overrides: Partial<DidRule> = {}): DidRule =>
  DidRuleList.parse({
    rules: [
      {
        id: 'efa7f47cc6ac44998cbee5029eb01e14',
        on: { ...DATASET, type: 'DATASET' },
        direct: true,
        account: 'root',
        state: 'OK',
        rseExpression: 'OFFSITE',
        copies: 1,
        locks: { ok: 6, replicating: 0, stuck: 0 },
        grouping: 'DATASET',
        activity: 'User Subscriptions',
        locked: true,
        createdAt: '2026-12-02T00:27:19.000Z',
        expiresAt: null,
        error: null,
        comment: null,
        ...overrides,
      },
    ],
  }).rules[0] as DidRule;

export const makeReplicaSummary = (overrides: Partial<ReplicaSummary> = {}): ReplicaSummary =>
  ReplicaSummary.parse({
    source: 'dataset_replicas',
    rses: [
      {
        rse: 'CSCS-DISK',
        state: 'UNAVAILABLE',
        availableFiles: 0,
        totalFiles: 6,
        availableBytes: 0,
        totalBytes: 26_012,
      },
      {
        rse: 'CTAO-N-ONSITE',
        state: 'AVAILABLE',
        availableFiles: 6,
        totalFiles: 6,
        availableBytes: 26_012,
        totalBytes: 26_012,
      },
    ],
    ...overrides,
  });

export const makeScopeRoots = (scope = 'acada', names = ['/ctao/acada']): ScopeRoots =>
  ScopeRoots.parse({
    scope,
    roots: names.map((name) => ({ scope, name, type: 'CONTAINER', bytes: null })),
  });
