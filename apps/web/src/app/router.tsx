import { Navigate, Outlet, useLocation, useRoutes, type RouteObject } from 'react-router';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorBoundary } from './route-error-boundary.tsx';
import { PageElement } from './routes/page-element.tsx';
import type { PageRoute } from './routes/page-route.ts';
import { didRoute } from './routes/did.ts';
import { scopeDetailRoute } from './routes/scope-detail.ts';
import { scopesRoute } from './routes/scopes.ts';
import { searchRoute } from './routes/search.ts';
import { rseRoute, sitesRoute } from './routes/sites.ts';
import { ruleRequestRoute } from './routes/rule-request.ts';
import { ruleRoute, rulesRoute } from './routes/rules.ts';
import { selectionReplicasRoute } from './routes/replicas.ts';
import { basketRoute } from './routes/basket.ts';
import { myLinksRoute } from './routes/links.ts';
import {
  myQuotaRoute,
  quotaAuditRoute,
  quotaBulkRoute,
  quotaLimitsRoute,
  quotasRoute,
} from './routes/quotas.ts';

/**
 * react-router in declarative mode: its data router (createBrowserRouter) costs ~18 kB gzipped
 * on every page's first load. What we used from it has small stand-ins: lazy pages are
 * React.lazy, route loaders are PageRoute.loader, error routes are RouteErrorBoundary.
 *
 * A new area adds one route module in ./routes, one entry here, and one in nav-items.ts.
 */
const PAGES: PageRoute[] = [
  scopesRoute,
  scopeDetailRoute,
  didRoute,
  searchRoute,
  sitesRoute,
  rseRoute,
  selectionReplicasRoute,
  rulesRoute,
  ruleRequestRoute,
  ruleRoute,
  basketRoute,
  myLinksRoute,
  myQuotaRoute,
  quotasRoute,
  quotaLimitsRoute,
  quotaBulkRoute,
  quotaAuditRoute,
];

/** A failing page is replaced by the error inside the shell, not instead of it. */
function PageOutlet() {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary key={pathname}>
      <Outlet />
    </RouteErrorBoundary>
  );
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: (
      <RouteErrorBoundary>
        <AppLayout />
      </RouteErrorBoundary>
    ),
    children: [
      {
        element: <PageOutlet />,
        children: [
          { index: true, element: <Navigate to="/scopes" replace /> },
          ...PAGES.map((route) => ({ path: route.path, element: <PageElement route={route} /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
