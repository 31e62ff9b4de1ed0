/**
 * Twins of the where-data-lives routes (see api-contract.ts for why twins): RSEs, an RSE's page,
 * a DID's locks per RSE. Imported lazily by the pages that show them.
 */
import type { Api } from '@bdms/contract';
import * as z from 'zod/mini';
import type { ClientRoute } from './api-contract.ts';

const Int = z.int();
const Bytes = z.nullable(z.number());

const siteFields = {
  rse: z.string(),
  type: z.enum(['DISK', 'TAPE']),
  latitude: z.nullable(z.number().check(z.gte(-90), z.lte(90))),
  longitude: z.nullable(z.number().check(z.gte(-180), z.lte(180))),
  coordinatesProblem: z.nullable(z.string()),
  city: z.nullable(z.string()),
  country: z.nullable(z.string()),
  continent: z.nullable(z.string()),
  volatile: z.boolean(),
  staging: z.boolean(),
  availability: z.object({ read: z.boolean(), write: z.boolean(), delete: z.boolean() }),
};

export const RseSite = z.object(siteFields);
export const RseSiteList = z.object({ rses: z.array(RseSite) });

const LockCounts = { ok: Int, replicating: Int, stuck: Int };

export const RseDetails = z.object({
  ...siteFields,
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  protocols: z.array(
    z.object({
      scheme: z.string(),
      hostname: z.string(),
      port: Int,
      prefix: z.nullable(z.string()),
      impl: z.nullable(z.string()),
      domains: z.record(z.string(), z.array(z.string())),
    }),
  ),
  usage: z.array(
    z.object({
      source: z.string(),
      used: Bytes,
      free: Bytes,
      total: Bytes,
      files: z.nullable(Int),
      updatedAt: z.nullable(z.string()),
    }),
  ),
  accountLimits: z.nullable(
    z.array(
      z.object({
        account: z.string(),
        usedBytes: z.number(),
        usedFiles: Int,
        limitBytes: z.nullable(z.number()),
        unlimited: z.boolean(),
      }),
    ),
  ),
  topDatasets: z.array(
    z.object({
      scope: z.string(),
      name: z.string(),
      state: z.string(),
      bytes: Bytes,
      files: z.nullable(Int),
      availableBytes: Bytes,
      availableFiles: z.nullable(Int),
    }),
  ),
  datasets: Int,
});

export const ReplicaLocks = z.object({
  source: z.enum(['dataset', 'container', 'file_parents']),
  rses: z.array(z.object({ ...LockCounts, rse: z.string() })),
});

/** Keyed like the contract's `api`. */
export const rseApi = {
  rses: { method: 'get', path: '/api/rses', response: RseSiteList },
  rse: { method: 'get', path: '/api/rses/:rse', response: RseDetails },
  didLocks: {
    method: 'get',
    path: '/api/dids/:scope/:name/replicas/locks',
    response: ReplicaLocks,
  },
} as const satisfies { [K in keyof Api]?: ClientRoute };
