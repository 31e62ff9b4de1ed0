import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { basketApi, type BasketChange } from '@/lib/api-contract-basket.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { queryKeys } from '@/lib/query-keys.ts';

/** The basket with Rucio's figures (the BFF asks Rucio in bulk on every read). */
export const basketQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.basket.items(),
    queryFn: ({ signal }) => apiGet(basketApi.getBasket, { signal }),
  });

export const useBasket = () => useQuery(basketQueryOptions());

/** How many DIDs the basket holds: the portal database only, cheap enough for the nav. */
export const useBasketCount = () =>
  useQuery({
    queryKey: queryKeys.basket.count(),
    queryFn: ({ signal }) => apiGet(basketApi.basketCount, { signal }),
    staleTime: 60_000,
  });

/** Every change refreshes the items and the count (the answer carries the count at once). */
function useBasketChange<T>(send: (input: T) => Promise<BasketChange>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (change) => {
      queryClient.setQueryData(queryKeys.basket.count(), { count: change.count, max: change.max });
      return queryClient.invalidateQueries({ queryKey: queryKeys.basket.items() });
    },
  });
}

const refs = (dids: readonly DidRef[]) => dids.map(({ scope, name }) => ({ scope, name }));

export const useAddToBasket = () =>
  useBasketChange((dids: readonly DidRef[]) =>
    apiSend(basketApi.addToBasket, { body: { dids: refs(dids) } }),
  );

export const useRemoveFromBasket = () =>
  useBasketChange((dids: readonly DidRef[]) =>
    apiSend(basketApi.removeFromBasket, { body: { dids: refs(dids) } }),
  );

export const useEmptyBasket = () =>
  useBasketChange((_: undefined) => apiSend(basketApi.emptyBasket));
