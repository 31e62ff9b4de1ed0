import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { browser } from '@/lib/browser.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { makeAdmin, makeErrorBody, makeMe } from '@/testing/factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { UserSummary } from './user-summary.tsx';

describe('UserSummary', () => {
  it('shows the name and Rucio account, without an Admin badge for an astronomer', () => {
    renderWithProviders(<UserSummary me={makeMe()} />);
    expect(screen.getByText('Alice Astronomer')).toBeInTheDocument();
    expect(screen.getByText(/Rucio account:/)).toHaveTextContent('Rucio account: alice');
    expect(screen.queryByText('Admin')).not.toBeInTheDocument();
  });

  it('shows an Admin badge for an admin', () => {
    renderWithProviders(<UserSummary me={makeAdmin()} />);
    expect(screen.getByText('Oscar Operator')).toBeInTheDocument();
    expect(screen.getByText(/Rucio account:/)).toHaveTextContent('ctaoadmin');
    expect(screen.getByText('Admin')).toBeInTheDocument();
  });

  it('falls back to the username when the IdP sent no name', () => {
    renderWithProviders(<UserSummary me={makeMe({ name: undefined })} />);
    expect(screen.getByText('alice', { selector: 'p' })).toBeInTheDocument();
  });

  it('when Sign out is pressed, then it POSTs /auth/logout with X-CSRF and follows redirectTo', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    const net = fakeFetch({
      'POST /auth/logout': { body: { redirectTo: 'http://127.0.0.1:4400/session/end?x=1' } },
    });
    renderWithProviders(<UserSummary me={makeMe()} />);

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => {
      expect(assign).toHaveBeenCalledWith('http://127.0.0.1:4400/session/end?x=1');
    });
    const [call] = net.callsTo('POST', '/auth/logout');
    expect(call?.headers.get('x-csrf')).toBe('1');
    expect(call?.credentials).toBe('same-origin');
  });

  it('when sign-out fails, then the user is told and stays', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    fakeFetch({
      'POST /auth/logout': {
        status: 403,
        body: makeErrorBody('csrf_rejected', 'Missing X-CSRF header'),
      },
    });
    renderWithProviders(<UserSummary me={makeMe()} />);

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Sign-out failed: Missing X-CSRF header')).toBeInTheDocument();
    expect(assign).not.toHaveBeenCalled();
  });
});
