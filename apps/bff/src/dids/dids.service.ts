import type {
  DidDetails,
  DidListingRow,
  DidRuleList,
  DidSummary,
  ReplicaStates,
  ReplicaSummary,
  ScopeRoots,
  SelectionReplicaSummary,
} from '@bdms/contract';
import type { DidParentDto } from '@bdms/rucio-client';
import { collect, peeked, settledInOrder } from '../lib/async-iter.ts';
import type { RucioPort } from '../rucio-port.ts';
import {
  COUNT_BATCHES,
  contentWithCounts,
  type ContentRow,
  type CountOptions,
} from './child-counts.ts';
import { summariseContainer } from './container-replicas.ts';
import { CONTAINER_LIMITS, type ContainerLimits } from './container-walk.ts';
import { liveType } from '../lib/rucio-values.ts';
import type { DidTypes } from '../lib/did-types.ts';
import { toDidDetails } from './did-details.ts';
import { mergeRules } from './did-rules.ts';
import { describeKnownKey, type DescribeKey } from './metadata.ts';
import { datasetSummary, fileSummary } from './replica-summary.ts';
import { scopeRoots } from './scope-roots.ts';
import { countReplicaStates } from './replica-states.ts';
import { summariseSelection } from './selection-replicas.ts';
import type { Did } from './container-walk.ts';

const toSummary = (d: DidParentDto | ContentRow): DidSummary => ({
  scope: d.scope,
  name: d.name,
  type: liveType(d.type),
  bytes: typeof d.bytes === 'number' ? d.bytes : null,
});

const toListingRow = (d: ContentRow): DidListingRow => ({
  ...toSummary(d),
  length: liveType(d.type) === 'FILE' ? 1 : (d.length ?? null),
});

export interface DidsDeps {
  rucio: Pick<
    RucioPort,
    | 'listContents'
    | 'listParents'
    | 'listScopeCollections'
    | 'getDid'
    | 'getDidMeta'
    | 'listDidRules'
    | 'listAssociatedRules'
    | 'listDatasetReplicas'
    | 'listDatasetReplicasBulk'
    | 'listFileReplicas'
    | 'bulkMeta'
  >;
  /** Unit and description of a metadata key (the field catalogue, when there is one). */
  describeKey?: DescribeKey;
  /** A DID's type (cached by the app: it never changes); getDid's when not given. */
  didType?: DidTypes;
  /** How much a container's replica summary may ask of Rucio (tests make it small). */
  containerLimits?: ContainerLimits;
  /** Batches in which child collections are counted while browsing. */
  countBatches?: CountOptions;
}

/**
 * The DID page's use cases. Calls that do not depend on each other run in parallel; Rucio 41 races
 * on storing a JWT it sees for the first time, and the one 401 that can give is retried by the
 * caller (rucio-call.ts). Unknown DIDs are 404 from Rucio's DID record (parents: an empty list).
 */
export function createDidsService(deps: DidsDeps) {
  const { rucio } = deps;
  const describe = deps.describeKey ?? describeKnownKey;
  const limits = deps.containerLimits ?? CONTAINER_LIMITS;
  const didType =
    deps.didType ?? (async (d: Parameters<typeof rucio.getDid>[0]) => (await rucio.getDid(d)).type);
  return {
    toSummary,
    toListingRow,
    /**
     * The content of a collection as Rucio streams it, child collections with their file counts
     * (one bulk call of each kind per batch of rows). The first row is awaited here, inside the
     * caller's token scope, so that errors Rucio reports up front (unknown DID, refused token)
     * surface before any byte is sent and a refused first use of a token can be retried.
     */
    openContents: (token: string, scope: string, name: string, signal: AbortSignal) => {
      const auth = { token, signal };
      return contentWithCounts(
        rucio.listContents({ ...auth, scope, name }),
        {
          columns: (dids) => rucio.bulkMeta({ ...auth, dids, plugin: 'DID_COLUMN' }),
          replicas: (dids) => rucio.listDatasetReplicasBulk({ ...auth, dids }),
        },
        deps.countBatches ?? COUNT_BATCHES,
      );
    },

    /** The DID's parents, streamed; Rucio lists none for an unknown DID (no 404). */
    openParents: (token: string, scope: string, name: string, signal: AbortSignal) => {
      return peeked(rucio.listParents({ token, scope, name, signal }));
    },

    roots: async (token: string, scope: string, signal: AbortSignal): Promise<ScopeRoots> => {
      const collections = await collect(rucio.listScopeCollections({ token, scope, signal }));
      return { scope, roots: scopeRoots(collections) };
    },

    details: async (
      token: string,
      scope: string,
      name: string,
      signal: AbortSignal,
    ): Promise<DidDetails> => {
      const did = { token, scope, name, signal };
      // All three at once (a brand-new token refused in the race is retried by withToken); when
      // several fail, the DID record's error is the one to report (404 for an unknown DID).
      const [info, columns, json] = await settledInOrder([
        rucio.getDid(did),
        rucio.getDidMeta({ ...did, plugin: 'DID_COLUMN' }),
        rucio.getDidMeta({ ...did, plugin: 'JSON' }),
      ] as const);
      return toDidDetails(info, columns, json, describe);
    },

    rules: async (
      token: string,
      scope: string,
      name: string,
      signal: AbortSignal,
    ): Promise<DidRuleList> => {
      // Both at once: the DID's type is not known here, and datasets and containers hold no
      // replica locks, so Rucio lists no associated rule for them (an empty answer, not an error).
      const did = { token, scope, name, signal };
      const [direct, associated] = await settledInOrder([
        collect(rucio.listDidRules(did)),
        collect(rucio.listAssociatedRules(did)),
      ] as const);
      return { rules: mergeRules({ scope, name }, direct, associated) };
    },

    /** `clientIp`: the browser's address; Rucio ranks a file's replicas by distance from it. */
    replicaSummary: async (
      token: string,
      scope: string,
      name: string,
      signal: AbortSignal,
      clientIp?: string,
    ): Promise<ReplicaSummary> => {
      const did = { token, scope, name, signal };
      const type = await didType(did);
      if (type === 'CONTAINER')
        return summariseContainer(
          { scope, name },
          {
            list: (c) => rucio.listContents({ token, signal, ...c }),
            bulk: (dids) => rucio.listDatasetReplicasBulk({ token, signal, dids }),
            deep: (d) => rucio.listDatasetReplicas({ token, signal, ...d, deep: true }),
          },
          limits,
        );
      if (type !== 'DATASET')
        return fileSummary(
          await collect(
            rucio.listFileReplicas({ token, signal, dids: [{ scope, name }], clientIp }),
          ),
        );
      const [deep, table] = await Promise.all([
        collect(rucio.listDatasetReplicas({ ...did, deep: true })),
        collect(rucio.listDatasetReplicas(did)),
      ]);
      return datasetSummary(deep, table);
    },

    /**
     * The DID's file replicas per RSE by state, from one replica list (Rucio resolves collections
     * to files; `random` order: no GeoIP ranking is needed to count). Unknown DIDs: 404 first.
     */
    replicaStates: async (
      token: string,
      scope: string,
      name: string,
      signal: AbortSignal,
    ): Promise<ReplicaStates> => {
      await rucio.getDid({ token, scope, name, signal });
      const replicas = rucio.listFileReplicas({
        token,
        signal,
        dids: [{ scope, name }],
        sort: 'random',
      });
      return { ...(await countReplicaStates(replicas)), fetchedAt: new Date().toISOString() };
    },

    /** Where a selection of DIDs lives, per RSE (selection-replicas.ts says what is asked). */
    selectionSummary: (
      token: string,
      dids: readonly Did[],
      signal: AbortSignal,
    ): Promise<SelectionReplicaSummary> =>
      summariseSelection(
        dids,
        {
          types: (d) => rucio.bulkMeta({ token, signal, dids: d, plugin: 'DID_COLUMN' }),
          files: (d) => rucio.listFileReplicas({ token, signal, dids: d, sort: 'random' }),
          list: (c) => rucio.listContents({ token, signal, ...c }),
          bulk: (d) => rucio.listDatasetReplicasBulk({ token, signal, dids: d }),
          deep: (d) => rucio.listDatasetReplicas({ token, signal, ...d, deep: true }),
        },
        limits,
      ),
  };
}

export type DidsService = ReturnType<typeof createDidsService>;
