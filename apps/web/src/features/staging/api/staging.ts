import type { ApiResponse } from '@bdms/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { queryKeys } from '@/lib/query-keys.ts';

export type StagingStatus = ApiResponse<'stagingStatus'>;

/** How often a staging in progress is asked about again (the dev transfer loop runs every few s). */
export const STAGING_POLL_MS = 3000;
/** A rule waiting for an administrator can wait for days: asked about less often. */
const APPROVAL_POLL_MS = 30_000;

/** Progress states that change by themselves: polled until the copy is on disk. */
export const moving = (s: StagingStatus | undefined): boolean =>
  s !== undefined && ['replicating', 'stuck', 'waiting_approval'].includes(s.progress);

export const stagingQuery = (did: DidRef) =>
  queryOptions({
    queryKey: queryKeys.dids.staging(did),
    // The route's twin loads with the first answer, not with the page (the page's budget).
    queryFn: async ({ signal }) => {
      const { stagingApi } = await import('@/lib/api-contract-staging.ts');
      const params = { scope: did.scope, name: did.name };
      return apiGet(stagingApi.stagingStatus, { params, signal });
    },
    refetchInterval: ({ state: { data } }) =>
      data?.progress === 'waiting_approval' ? APPROVAL_POLL_MS : moving(data) && STAGING_POLL_MS,
  });

/** Where the DID's files are and how far staging them is; polls while a staging rule works. */
export const useStagingStatus = (did: DidRef, enabled = true) =>
  useQuery({ ...stagingQuery(did), enabled });
