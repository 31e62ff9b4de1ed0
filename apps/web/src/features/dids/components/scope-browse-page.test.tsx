import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeErrorBody } from '@/testing/factories.ts';
import { makeScopeRoots } from '@/testing/did-factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { withLayout } from '@/testing/layout.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { ScopeBrowsePage } from './scope-browse-page.tsx';

const render = () =>
  renderWithProviders(<ScopeBrowsePage />, {
    path: '/scopes/:scope',
    initialEntry: '/scopes/acada',
  });

describe('ScopeBrowsePage', () => {
  beforeEach(() => {
    withLayout();
  });

  it('when a scope opens, then its top collections link to their DID pages', async () => {
    fakeFetch({ 'GET /api/scopes/acada/roots': { body: makeScopeRoots() } });
    render();
    expect(screen.getByRole('heading', { level: 1, name: 'Scope acada' })).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: /\/ctao\/acada/ });
    expect(link).toHaveAttribute('href', `/dids/acada/${encodeURIComponent('/ctao/acada')}`);
    expect(screen.getByText('1 top-level collection')).toBeInTheDocument();
  });

  it('when the scope holds nothing, then an empty state says so', async () => {
    fakeFetch({ 'GET /api/scopes/acada/roots': { body: makeScopeRoots('acada', []) } });
    render();
    expect(await screen.findByText('No datasets or containers')).toBeInTheDocument();
  });

  it('when Rucio is down, then the error and a Retry button show', async () => {
    fakeFetch({
      'GET /api/scopes/acada/roots': {
        status: 503,
        body: makeErrorBody('rucio_unavailable', 'Rucio is not reachable right now.'),
      },
    });
    render();
    expect(await screen.findByRole('alert')).toHaveTextContent('Rucio is not reachable right now.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
