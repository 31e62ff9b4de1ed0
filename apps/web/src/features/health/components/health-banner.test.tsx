import { useQuery } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { makeHealth, makeRucioDown } from '@/testing/factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { HEALTH_POLL_MS } from '../api/get-health.ts';
import { HealthBanner } from './health-banner.tsx';

/** Some other page's data, to prove recovery refetches it. */
function OtherQuery() {
  const q = useQuery({
    queryKey: ['scopes', 'list'],
    queryFn: () => fetch('/api/scopes').then(() => 'ok'),
  });
  return <span>{q.data}</span>;
}

const RUCIO_DOWN =
  'Rucio is unavailable — connection refused by 127.0.0.1:4410. Browsing will resume automatically when it is back.';

describe('HealthBanner', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when everything is healthy, then there is no banner', async () => {
    const net = fakeFetch({ 'GET /api/health': { body: makeHealth() } });
    renderWithProviders(<HealthBanner />);
    await waitFor(() => {
      expect(net.callsTo('GET', '/api/health')).toHaveLength(1);
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when Rucio goes down, then the banner names it; when it recovers, the banner goes and pages refetch', async () => {
    const net = fakeFetch({
      'GET /api/health': { status: 503, body: makeRucioDown() },
      'GET /api/scopes': { body: {} },
    });
    const { queryClient } = renderWithProviders(
      <>
        <HealthBanner />
        <OtherQuery />
      </>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(RUCIO_DOWN);
    expect(net.callsTo('GET', '/api/scopes')).toHaveLength(1);

    net.set('GET /api/health', { body: makeHealth() });
    await act(() => queryClient.refetchQueries({ queryKey: ['health'] }));
    await waitFor(() => {
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
    await waitFor(() => {
      expect(net.callsTo('GET', '/api/scopes')).toHaveLength(2);
    });
  });

  it('when the login service is down, then the banner says signing in is affected', async () => {
    fakeFetch({
      'GET /api/health': {
        status: 503,
        body: makeHealth({ ok: false, idp: { ok: false, reason: 'timeout.' } }),
      },
    });
    renderWithProviders(<HealthBanner />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The login service is unavailable — timeout. Signing in will resume automatically when it is back.',
    );
  });

  it('when the portal server cannot be reached, then the banner says so', async () => {
    fakeFetch({ 'GET /api/health': 'network-error' });
    renderWithProviders(<HealthBanner />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The portal server is unreachable');
    expect(alert).toHaveTextContent('Retrying automatically every 10 seconds.');
  });

  it('polls every 10 s, so an outage shows up without any user action', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const net = fakeFetch({ 'GET /api/health': { body: makeHealth() } });
    renderWithProviders(<HealthBanner />);
    await waitFor(() => {
      expect(net.callsTo('GET', '/api/health')).toHaveLength(1);
    });

    net.set('GET /api/health', { status: 503, body: makeRucioDown('timeout after 5 s') });
    await act(() => vi.advanceTimersByTimeAsync(HEALTH_POLL_MS));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Rucio is unavailable — timeout after 5 s.',
    );
  });
});
