import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeErrorBody } from '@/testing/factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { DEMO_SITES, makeRseDetails, makeSite } from '@/testing/rse-factories.ts';
import { RsePage } from './rse-page.tsx';
import { SitesPage } from './sites-page.tsx';

describe('SitesPage', () => {
  it('when RSEs load, then each placed one is a marker, the unplaced one is listed apart, and the table links to RSE pages', async () => {
    const sites = [
      ...DEMO_SITES,
      makeSite({ rse: 'SCRATCH-DISK', latitude: null, longitude: null, city: null, country: null }),
    ];
    fakeFetch({ 'GET /api/rses': { body: { rses: sites } } });
    renderWithProviders(<SitesPage />, { path: '/sites', initialEntry: '/sites' });
    const map = await screen.findByRole('application', { name: /Map of 5 RSEs/ });
    const markers = (await within(map).findAllByRole('button')).filter((b) =>
      b.hasAttribute('data-rse'),
    );
    expect(markers).toHaveLength(4);
    expect(
      within(map).getByRole('button', { name: 'PIC-TAPE (tape, Barcelona, Spain)' }).tagName,
    ).toBe('rect');
    expect(screen.getByRole('list', { name: /Not on the map/ })).toHaveTextContent(
      'SCRATCH-DISK (disk, place unknown)',
    );
    const table = screen.getByRole('table', { name: 'RSEs' });
    const lapalma = within(table).getByRole('row', { name: /CTAO-N-ONSITE/ });
    expect(lapalma).toHaveTextContent('28.76° N, 17.89° W');
    expect(within(lapalma).getByRole('link', { name: 'CTAO-N-ONSITE' })).toHaveAttribute(
      'href',
      '/sites/CTAO-N-ONSITE',
    );
    expect(within(table).getByRole('row', { name: /SCRATCH-DISK/ })).toHaveTextContent('unknown');
  });

  it('when Rucio holds malformed coordinates for an RSE, then it is listed apart with the reason', async () => {
    const problem =
      "Rucio's coordinates are unusable: latitude 123.4 is not a number between −90 and 90";
    const sites = [
      ...DEMO_SITES,
      makeSite({ rse: 'ODD-DISK', latitude: null, longitude: null, coordinatesProblem: problem }),
    ];
    fakeFetch({ 'GET /api/rses': { body: { rses: sites } } });
    renderWithProviders(<SitesPage />, { path: '/sites', initialEntry: '/sites' });
    await screen.findByRole('application', { name: /Map of 5 RSEs/ });
    expect(screen.getByRole('list', { name: /Not on the map/ })).toHaveTextContent(
      `ODD-DISK (disk, Zeuthen, Germany): ${problem}`,
    );
    const row = within(screen.getByRole('table', { name: 'RSEs' })).getByRole('row', {
      name: /ODD-DISK/,
    });
    expect(row).toHaveTextContent(problem);
  });

  it('when transfers are in flight, then each pair of placed RSEs is an arc on the map', async () => {
    fakeFetch({ 'GET /api/rses': { body: { rses: DEMO_SITES } } });
    const flows = [
      { source: 'CTAO-N-ONSITE', destination: 'CSCS-DISK', files: 3, bytes: 15_000 },
      { source: 'CTAO-N-ONSITE', destination: 'NOWHERE-DISK', files: 1, bytes: 1 },
    ];
    renderWithProviders(<SitesPage flows={flows} />, { path: '/sites', initialEntry: '/sites' });
    const map = await screen.findByRole('application', { name: /Map of 4 RSEs/ });
    const arc = await within(map).findByRole('img', {
      name: '3 transfers from CTAO-N-ONSITE to CSCS-DISK, 15.0 kB',
    });
    expect(arc.getAttribute('d')).toMatch(/^M/);
    expect(within(map).getAllByRole('img')).toHaveLength(1);
  });

  it('when Rucio lists none, then an empty state says so', async () => {
    fakeFetch({ 'GET /api/rses': { body: { rses: [] } } });
    renderWithProviders(<SitesPage />, { path: '/sites', initialEntry: '/sites' });
    expect(await screen.findByText('No RSEs')).toBeInTheDocument();
  });
});

describe('RsePage', () => {
  const at = (rse: string) =>
    renderWithProviders(<RsePage />, { path: '/sites/:rse', initialEntry: `/sites/${rse}` });

  it('when it opens, then place, usage, account limits, datasets and protocols show in units', async () => {
    const details = makeRseDetails({
      topDatasets: [
        {
          scope: 'acada',
          name: '/ctao/acada/DL0/x',
          state: 'UNAVAILABLE',
          bytes: 2_500_000_000,
          files: 10,
          availableBytes: 1_250_000_000,
          availableFiles: 5,
        },
      ],
      datasets: 7,
    });
    fakeFetch({ 'GET /api/rses/DESY-ZN-DISK': { body: details } });
    at('DESY-ZN-DISK');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'DESY-ZN-DISK' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('52.35° N, 13.63° E')).toBeInTheDocument();
    const usage = screen.getByRole('table', { name: 'Usage by source' });
    expect(within(usage).getByRole('row', { name: /rucio/ })).toHaveTextContent('4.00 MB');
    const limits = screen.getByRole('table', { name: 'Account usage and limits' });
    expect(within(limits).getByRole('row', { name: /alice/ })).toHaveTextContent(
      '100 kB (95.0 % used)',
    );
    expect(within(limits).getByRole('row', { name: /root/ })).toHaveTextContent('unlimited');
    const datasets = screen.getByRole('table', { name: 'Largest datasets' });
    expect(within(datasets).getByRole('link', { name: 'acada:/ctao/acada/DL0/x' })).toHaveAttribute(
      'href',
      `/dids/acada/${encodeURIComponent('/ctao/acada/DL0/x')}`,
    );
    expect(within(datasets).getByRole('row', { name: /DL0/ })).toHaveTextContent(
      '1.25 GB / 2.50 GB',
    );
    expect(screen.getByText(/largest of the 7 datasets Rucio has here/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Protocols' })).toHaveTextContent(
      'http://127.0.0.13:4420/DESY-ZN-DISK/',
    );
    await userEvent.click(screen.getByRole('link', { name: 'All sites' }));
  });

  it('when Rucio does not know the RSE, then the page says so', async () => {
    fakeFetch({
      'GET /api/rses/NOPE': {
        status: 404,
        body: makeErrorBody('not_found', "RSE 'NOPE' not found"),
      },
    });
    at('NOPE');
    expect(await screen.findByRole('alert')).toHaveTextContent("RSE 'NOPE' not found");
  });
});
