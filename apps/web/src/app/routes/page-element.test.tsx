import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy } from 'react';
import { useSearchParams } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render.tsx';
import { RouteErrorBoundary } from '../route-error-boundary.tsx';
import { PageElement } from './page-element.tsx';
import type { PageRoute } from './page-route.ts';

const neverLoads = lazy(() => new Promise<never>(() => undefined));

describe('PageElement', () => {
  it('when a page opens, then its loader starts with the params while the page code still downloads', async () => {
    const loader = vi.fn(() => Promise.resolve());
    const route: PageRoute = { path: 'scopes/:scope', loader, Component: neverLoads };
    const { queryClient } = renderWithProviders(<PageElement route={route} />, {
      path: '/scopes/:scope',
      initialEntry: '/scopes/ctao.dl0',
    });
    expect(screen.getByRole('status', { name: 'Loading the page' })).toBeInTheDocument();
    await waitFor(() => {
      expect(loader).toHaveBeenCalledWith({ queryClient, params: { scope: 'ctao.dl0' } });
    });
  });

  it('when only the search params change, then the loader does not run again', async () => {
    const loader = vi.fn(() => Promise.resolve());
    function Page() {
      const [, setSearch] = useSearchParams();
      return (
        <button
          type="button"
          onClick={() => {
            setSearch({ filter: 'dl0' });
          }}
        >
          filter
        </button>
      );
    }
    const route: PageRoute = { path: 'scopes', loader, Component: Page };
    const { location } = renderWithProviders(<PageElement route={route} />, {
      path: '/scopes',
      initialEntry: '/scopes',
    });
    await userEvent.click(await screen.findByRole('button', { name: 'filter' }));
    expect(location().search).toBe('?filter=dl0');
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('when the loader fails, then the page still renders (its own query shows the error)', async () => {
    const loader = vi.fn(() => Promise.reject(new Error('Rucio is down')));
    const route: PageRoute = { path: '*', loader, Component: () => <p>the page</p> };
    renderWithProviders(<PageElement route={route} />);
    expect(await screen.findByText('the page')).toBeInTheDocument();
    expect(loader).toHaveBeenCalled();
  });

  it('when the page code cannot be downloaded, then the error boundary explains and offers Reload', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs caught errors
    const failed = new TypeError('Failed to fetch dynamically imported module: /assets/x.js');
    const route: PageRoute = { path: '*', Component: lazy(() => Promise.reject(failed)) };
    renderWithProviders(
      <RouteErrorBoundary>
        <PageElement route={route} />
      </RouteErrorBoundary>,
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Something went wrong' }),
    ).toBeInTheDocument();
    expect(screen.getByText(failed.message)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });
});
