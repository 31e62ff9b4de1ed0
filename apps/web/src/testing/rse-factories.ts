import type { ApiResponse } from '@bdms/contract';
import { didApiPath } from './did-factories.ts';

type Site = ApiResponse<'rses'>['rses'][number];
type Locks = ApiResponse<'didLocks'>;
type RseDetails = ApiResponse<'rse'>;
type States = ApiResponse<'didReplicaStates'>;

/** An RSE as the BFF lists it; the demo's RSEs are where the devstack places them. */
export const makeSite = (overrides: Partial<Site> = {}): Site => ({
  rse: 'DESY-ZN-DISK',
  type: 'DISK',
  latitude: 52.3456,
  longitude: 13.63,
  coordinatesProblem: null,
  city: 'Zeuthen',
  country: 'Germany',
  continent: 'EU',
  volatile: false,
  staging: false,
  availability: { read: true, write: true, delete: true },
  ...overrides,
});

export const DEMO_SITES: Site[] = [
  makeSite({
    rse: 'CSCS-DISK',
    latitude: 46.025,
    longitude: 8.96,
    city: 'Lugano',
    country: 'Switzerland',
  }),
  makeSite({
    rse: 'CTAO-N-ONSITE',
    latitude: 28.7622,
    longitude: -17.892,
    city: 'La Palma',
    country: 'Spain',
  }),
  makeSite(),
  makeSite({
    rse: 'PIC-TAPE',
    type: 'TAPE',
    latitude: 41.5,
    longitude: 2.11,
    city: 'Barcelona',
    country: 'Spain',
  }),
];

export const makeLocks = (overrides: Partial<Locks> = {}): Locks => ({
  source: 'dataset',
  rses: [],
  ...overrides,
});

/**
 * What a replica panel asks besides the summary: the RSEs (with their places) and the DID's
 * locks, as fakeFetch handlers.
 */
export const makeStates = (overrides: Partial<States> = {}): States => ({
  files: 0,
  complete: true,
  rses: [],
  fetchedAt: '2026-12-03T12:00:00.000Z',
  ...overrides,
});

export const replicaPlaceRoutes = (
  did: { scope: string; name: string },
  sites: Site[] = DEMO_SITES,
  locks: Locks = makeLocks(),
  states: States = makeStates(),
) => ({
  'GET /api/rses': { body: { rses: sites } },
  [`GET ${didApiPath(did, '/replicas/locks')}`]: { body: locks },
  [`GET ${didApiPath(did, '/replicas/states')}`]: { body: states },
});

export const makeRseDetails = (overrides: Partial<RseDetails> = {}): RseDetails => ({
  ...makeSite(),
  attributes: { ANY: true, OFFSITE: true, country: 'DE', site: 'DESY' },
  protocols: [
    {
      scheme: 'http',
      hostname: '127.0.0.13',
      port: 4420,
      prefix: '/DESY-ZN-DISK/',
      impl: 'rucio.rse.protocols.webdav.Default',
      domains: { lan: ['delete', 'read', 'write'], wan: ['delete', 'read', 'write'] },
    },
  ],
  usage: [
    {
      source: 'rucio',
      used: 4_000_000,
      free: null,
      total: 4_000_000,
      files: 40,
      updatedAt: '2026-12-03T07:29:13.000Z',
    },
  ],
  accountLimits: [
    { account: 'alice', usedBytes: 95_000, usedFiles: 3, limitBytes: 100_000, unlimited: false },
    { account: 'root', usedBytes: 0, usedFiles: 0, limitBytes: null, unlimited: true },
  ],
  topDatasets: [],
  datasets: 0,
  ...overrides,
});
