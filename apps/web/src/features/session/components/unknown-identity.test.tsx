import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { browser } from '@/lib/browser.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { UnknownIdentity } from './unknown-identity.tsx';

const message =
  'Rucio does not know your identity (SUB=e1f3a5b7-9c2d-4e6f-8a0b-1c2d3e4f5a03, ISS=http://127.0.0.1:4400/)';

describe('UnknownIdentity', () => {
  it('when Rucio rejects the identity, then the BFF’s message is shown with Sign out and no Sign in', () => {
    renderWithProviders(<UnknownIdentity message={message} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('no Rucio account');
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sign in' })).not.toBeInTheDocument();
  });

  it('when Sign out is pressed, then it POSTs /auth/logout and follows redirectTo', async () => {
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    const net = fakeFetch({ 'POST /auth/logout': { body: { redirectTo: 'http://localhost/' } } });
    renderWithProviders(<UnknownIdentity message={message} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => {
      expect(assign).toHaveBeenCalledWith('http://localhost/');
    });
    expect(net.callsTo('POST', '/auth/logout')[0]?.headers.get('x-csrf')).toBe('1');
  });
});
