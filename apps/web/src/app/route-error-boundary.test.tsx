import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client.ts';
import { browser } from '@/lib/browser.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { RouteErrorBoundary } from './route-error-boundary.tsx';

function Broken(): never {
  throw new ApiError({
    status: 502,
    code: 'rucio_error',
    message: 'Rucio answered 500',
    requestId: 'req-77',
  });
}

describe('RouteErrorBoundary', () => {
  it('when a page throws, then a friendly message, the request id and Reload are shown', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs caught render errors
    const reload = vi.spyOn(browser, 'reload').mockImplementation(() => undefined);
    renderWithProviders(
      <RouteErrorBoundary>
        <Broken />
      </RouteErrorBoundary>,
    );

    expect(
      screen.getByRole('heading', { level: 1, name: 'Something went wrong' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Rucio answered 500')).toBeInTheDocument();
    expect(screen.getByText('req-77')).toBeInTheDocument();
    expect(document.title).toMatch(/^Something went wrong/);
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalled();
  });
});
