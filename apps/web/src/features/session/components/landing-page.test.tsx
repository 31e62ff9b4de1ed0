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

describe('LandingPage after a failed sign-in', () => {
  it('when the BFF sent the browser back with a known code, then it explains it and Sign in drops the marker', () => {
    renderWithProviders(<LandingPage />, { initialEntry: '/?signInError=login_failed&x=1' });
    expect(screen.getByRole('alert')).toHaveTextContent('Sign-in did not complete');
    expect(screen.getByRole('alert')).toHaveTextContent(/expired, was already used/);
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/auth/login?returnTo=%2F%3Fx%3D1',
    );
  });

  it('when the code is unknown, then the generic explanation is shown, never the raw code', () => {
    renderWithProviders(<LandingPage />, { initialEntry: '/?signInError=%3Cb%3Ehacked%3C%2Fb%3E' });
    expect(screen.getByRole('alert')).not.toHaveTextContent('hacked');
    expect(screen.getByRole('alert')).toHaveTextContent(/Please sign in again/);
  });
});
