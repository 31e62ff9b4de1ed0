import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { FullPageLoader } from '@/components/full-page-loader.tsx';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorBoundary } from './route-error-boundary.tsx';

/**
 * Pages are loaded on demand so the first load carries only the shell. A new area adds one
 * feature folder and one entry here (and in nav-items.ts).
 */
const pages: RouteObject[] = [
  { index: true, element: <Navigate to="/scopes" replace /> },
  {
    path: 'scopes',
    lazy: async () => ({
      Component: (await import('@/features/scopes/components/scopes-page.tsx')).ScopesPage,
    }),
  },
  {
    path: 'scopes/:scope',
    lazy: async () => ({
      Component: (await import('@/features/scopes/components/scope-detail-page.tsx'))
        .ScopeDetailPage,
    }),
  },
  { path: '*', Component: NotFoundPage },
];

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RouteErrorBoundary,
    HydrateFallback: () => <FullPageLoader label="Loading the portal" />,
    // Pathless: a failing page is replaced by the error inside the shell, not instead of it.
    children: [{ ErrorBoundary: RouteErrorBoundary, children: pages }],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
