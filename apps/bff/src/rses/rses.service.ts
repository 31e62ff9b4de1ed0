import type { ReplicaLocks, RseDetails, RseSiteList } from '@bdms/contract';
import { BULK_LOCKS_MAX, RucioError, type DatasetLockDto } from '@bdms/rucio-client';
import { collect } from '../lib/async-iter.ts';
import type { DidTypes } from '../lib/did-types.ts';
import type { ReferenceCache } from '../lib/reference-cache.ts';
import type { RucioPort } from '../rucio-port.ts';
import {
  locksPerRse,
  toAccountLimit,
  toRseSite,
  toProtocol,
  toRseSites,
  toUsage,
  topDatasets,
} from './rse-records.ts';

export interface RsesDeps {
  rucio: Pick<
    RucioPort,
    | 'listRses'
    | 'getRse'
    | 'getRseAttributes'
    | 'listRseUsage'
    | 'listRseAccountUsage'
    | 'listRseDatasets'
    | 'listDatasetLocks'
    | 'listDatasetLocksBulk'
    | 'getDid'
    | 'listParents'
  >;
  cache: ReferenceCache;
  /** A DID's type (cached by the app: it never changes); getDid's when not given. */
  didType?: DidTypes;
  /** How many of an RSE's datasets its page lists (by bytes). */
  topDatasets?: number;
}

type Auth = { token: string; signal?: AbortSignal };

/** null when Rucio refuses the account this part (403): the rest of the page still shows. */
async function unlessForbidden<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof RucioError && error.status === 403) return null;
    throw error;
  }
}

export function createRsesService(deps: RsesDeps) {
  const { rucio } = deps;
  const records = (userSub: string, auth: Auth) =>
    deps.cache.get(`rses|${userSub}`, async () => ({ rows: await collect(rucio.listRses(auth)) }));

  /** A file's datasets' locks, ≤ BULK_LOCKS_MAX datasets per call (a file has a few). */
  async function parentLocks(auth: Auth, scope: string, name: string): Promise<DatasetLockDto[]> {
    const parents = (await collect(rucio.listParents({ ...auth, scope, name }))).filter(
      (p) => p.type === 'DATASET',
    );
    const out: DatasetLockDto[] = [];
    for (let i = 0; i < parents.length; i += BULK_LOCKS_MAX) {
      const dids = parents
        .slice(i, i + BULK_LOCKS_MAX)
        .map((p) => ({ scope: p.scope, name: p.name, type: 'DATASET' as const }));
      out.push(...(await collect(rucio.listDatasetLocksBulk({ ...auth, dids }))));
    }
    return out;
  }

  return {
    /** Every RSE with its place; cached per user like the scopes (the same for everyone). */
    async list(userSub: string, token: string): Promise<RseSiteList> {
      return { rses: toRseSites((await records(userSub, { token })).rows) };
    },

    /** One RSE's page. Its settings first: an unknown RSE is Rucio's 404 before anything else. */
    async details(
      userSub: string,
      token: string,
      rse: string,
      signal: AbortSignal,
    ): Promise<RseDetails> {
      const auth = { token, signal };
      const info = await rucio.getRse({ ...auth, rse });
      const [all, attributes, usage, accounts, datasets] = await Promise.all([
        records(userSub, auth),
        rucio.getRseAttributes({ ...auth, rse }),
        collect(rucio.listRseUsage({ ...auth, rse })),
        unlessForbidden(collect(rucio.listRseAccountUsage({ ...auth, rse }))),
        collect(rucio.listRseDatasets({ ...auth, rse })),
      ]);
      const record = all.rows.find((r) => r.rse === rse) ?? { rse, rse_type: info.rse_type };
      return {
        ...toRseSite(record),
        attributes,
        protocols: info.protocols.map(toProtocol),
        usage: usage.map(toUsage),
        accountLimits: accounts
          ? accounts.map(toAccountLimit).sort((a, b) => (a.account < b.account ? -1 : 1))
          : null,
        ...topDatasets(datasets, deps.topDatasets ?? 20),
      };
    },

    /** The rule locks holding a DID, per RSE (one bulk call for a container's datasets). */
    async locks(
      token: string,
      scope: string,
      name: string,
      signal: AbortSignal,
    ): Promise<ReplicaLocks> {
      const auth = { token, signal };
      const type = deps.didType
        ? await deps.didType({ ...auth, scope, name })
        : (await rucio.getDid({ ...auth, scope, name })).type;
      if (type === 'DATASET')
        return {
          source: 'dataset',
          rses: locksPerRse(await collect(rucio.listDatasetLocks({ ...auth, scope, name }))),
        };
      if (type === 'CONTAINER') {
        const dids = [{ scope, name, type: 'CONTAINER' as const }];
        return {
          source: 'container',
          rses: locksPerRse(await collect(rucio.listDatasetLocksBulk({ ...auth, dids }))),
        };
      }
      return { source: 'file_parents', rses: locksPerRse(await parentLocks(auth, scope, name)) };
    },
  };
}

export type RsesService = ReturnType<typeof createRsesService>;
