import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render.tsx';
import { LandingPage } from './landing-page.tsx';

describe('LandingPage', () => {
  it('when signed out, then it explains the portal and Sign in returns to the page the user opened', () => {
    renderWithProviders(<LandingPage />, { initialEntry: '/scopes?filter=dl3' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'CTAO data, in your browser',
    );
    expect(screen.getByText(/web entry to the Bulk Data Management System/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/auth/login?returnTo=%2Fscopes%3Ffilter%3Ddl3',
    );
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(document.title).toMatch(/^Sign in · BDMS Portal/);
  });

  it('when the session could not be checked, then it says so and still offers Sign in', () => {
    renderWithProviders(<LandingPage problem="The portal server answered 502 Bad Gateway" />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'We could not check whether you are signed in',
    );
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });
});
