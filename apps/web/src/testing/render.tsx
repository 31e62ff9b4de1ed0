import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import {
  MemoryRouter,
  useLocation,
  useRoutes,
  type Location,
  type RouteObject,
} from 'react-router';
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

function Routes({ routes }: { routes: RouteObject[] }) {
  return useRoutes(routes);
}

function LocationProbe({ onLocation }: { onLocation: (location: Location) => void }) {
  const location = useLocation();
  useEffect(() => {
    onLocation(location);
  }, [location, onLocation]);
  return null;
}

export function renderWithProviders(
  ui: ReactNode,
  {
    initialEntry = '/',
    path = '*',
    routes,
    queryClient = createTestQueryClient(),
  }: RenderOptions = {},
): RenderResult & { queryClient: QueryClient; location: () => Location } {
  let current: Location | undefined;
  const result = render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[initialEntry]}>
          <Routes routes={routes ?? [{ path, element: ui }]} />
          <LocationProbe
            onLocation={(location) => {
              current = location;
            }}
          />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  const location = (): Location => {
    if (!current) throw new Error('The router has not rendered yet');
    return current;
  };
  return { ...result, queryClient, location };
}
