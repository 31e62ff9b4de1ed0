import type { MyAccounts } from '@bdms/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-contract.ts';
import { apiGet } from '@/lib/api-client.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** Every Rucio account the signed-in identity maps to (sorted), and the one Rucio acts as. */
export const getMyAccounts = (signal?: AbortSignal): Promise<MyAccounts> =>
  apiGet(api.myAccounts, { signal });

export const myAccountsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.session.accounts(),
    queryFn: ({ signal }) => getMyAccounts(signal),
    // An identity's mapping changes rarely (an administrator's doing), like the user itself.
    staleTime: 5 * 60_000,
  });

export const useMyAccounts = () => useQuery(myAccountsQueryOptions());
