import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { Params } from 'react-router';

export interface LoaderArgs {
  queryClient: QueryClient;
  params: Params;
}

/**
 * One page of the portal. The route module is part of the first load and stays tiny: its
 * `Component` is `lazy()`, and its `loader` starts the page's queries (`ensureQueryData` with the
 * features' queryOptions) as soon as the page is opened, while the page's code downloads, instead
 * of after the page has rendered. Errors are the page's to show: its own useQuery holds them.
 */
export interface PageRoute {
  path: string;
  loader?: (args: LoaderArgs) => Promise<unknown>;
  Component: ComponentType;
}
