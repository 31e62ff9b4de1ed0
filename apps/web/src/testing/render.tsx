import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { theme } from '@/lib/theme.ts';

export interface RenderOptions {
  /** Where the memory router starts, e.g. '/scopes?filter=dl'. */
  initialEntry?: string;
  /** The route pattern the element is mounted at, so useParams works (e.g. '/scopes/:scope'). */
  path?: string;
  /** Render a whole route tree instead of one element (app-level tests). */
  routes?: RouteObject[];
  queryClient?: QueryClient;
}

/** A fresh client per test, no retries: a failure shows at once instead of after backoff. */
export const createTestQueryClient = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });

export function renderWithProviders(
  ui: ReactNode,
  {
    initialEntry = '/',
    path = '*',
    routes,
    queryClient = createTestQueryClient(),
  }: RenderOptions = {},
): RenderResult & { queryClient: QueryClient; router: ReturnType<typeof createMemoryRouter> } {
  const router = createMemoryRouter(routes ?? [{ path, element: ui }], {
    initialEntries: [initialEntry],
  });
  const result = render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, queryClient, router };
}
