import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeErrorBody } from '@/testing/factories.ts';
import {
  DATASET,
  FILE,
  didApiPath,
  makeDidDetails,
  makeFileDetails,
  makeFiles,
  makeReplicaSummary,
  makeRule,
  makeScopeRoots,
} from '@/testing/did-factories.ts';
import { fakeFetch, ndjsonReply } from '@/testing/fake-fetch.ts';
import { withLayout } from '@/testing/layout.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { DEMO_SITES, makeLocks, makeStates, replicaPlaceRoutes } from '@/testing/rse-factories.ts';
import { onDisk } from '@/testing/staging-factories.ts';
import { DidPage } from './did-page.tsx';

const at = (did: { scope: string; name: string }, search = '') =>
  renderWithProviders(<DidPage />, {
    path: '/dids/:scope/:name',
    initialEntry: `/dids/${did.scope}/${encodeURIComponent(did.name)}${search}`,
  });

const ROOTS = {
  'GET /api/scopes/acada/roots': { body: makeScopeRoots() },
  ...onDisk(DATASET),
  ...onDisk(FILE),
};

beforeEach(() => {
  withLayout();
});

describe('DidPage for a dataset', () => {
  it('when it opens, then breadcrumbs lead back to the scope root, facts read in units, and contents stream in', async () => {
    fakeFetch({
      ...ROOTS,
      [`GET ${didApiPath(DATASET)}`]: { body: makeDidDetails() },
      [`GET ${didApiPath(DATASET, '/contents')}`]: ndjsonReply(makeFiles(6)),
    });
    at(DATASET);
    expect(await screen.findByRole('heading', { level: 1, name: '03' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Download' })).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Download as ZIP' })).toHaveAttribute(
      'href',
      `/api/dids/${DATASET.scope}/${encodeURIComponent(DATASET.name)}/bundle`,
    );
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await within(crumbs).findByRole('link', { name: '/ctao/acada' })).toHaveAttribute(
      'href',
      `/dids/acada/${encodeURIComponent('/ctao/acada')}`,
    );
    expect(within(crumbs).getByRole('link', { name: 'DL0' })).toBeInTheDocument();
    expect(screen.getByText('26.0 kB')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Contents', selected: true })).toBeInTheDocument();
    expect(await screen.findByText('6 items')).toBeInTheDocument();
    for (const name of ['Copy DID', 'Copy name', 'Copy download command'])
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
  });

  it('when the Rules and Replicas tabs are opened, then states and files per RSE show', async () => {
    fakeFetch({
      ...ROOTS,
      [`GET ${didApiPath(DATASET)}`]: { body: makeDidDetails() },
      [`GET ${didApiPath(DATASET, '/rules')}`]: {
        body: {
          rules: [
            makeRule(),
            makeRule({ id: 'r2', state: 'STUCK', error: 'MissingSourceReplica' }),
          ],
        },
      },
      [`GET ${didApiPath(DATASET, '/replicas/summary')}`]: { body: makeReplicaSummary() },
      ...replicaPlaceRoutes(
        DATASET,
        DEMO_SITES.filter((s) => s.rse !== 'CSCS-DISK'),
        makeLocks({ rses: [{ rse: 'CTAO-N-ONSITE', ok: 1, replicating: 0, stuck: 0 }] }),
        makeStates({
          files: 6,
          rses: [
            { rse: 'CSCS-DISK', states: { COPYING: 6 } },
            { rse: 'CTAO-N-ONSITE', states: { AVAILABLE: 6 } },
          ],
        }),
      ),
    });
    const { location } = at(DATASET, '?tab=rules');
    const rules = await screen.findByRole('table', { name: 'Replication rules' });
    expect(within(rules).getByText('STUCK')).toBeInTheDocument();
    expect(within(rules).getByText('MissingSourceReplica')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Replicas' }));
    expect(location().search).toBe('?tab=replicas');
    const replicas = await screen.findByRole('table', { name: 'Replicas per RSE' });
    expect(within(replicas).getByText('6 / 6 files')).toBeInTheDocument();
    expect(within(replicas).getByText('0 / 6 files')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'CSCS-DISK: 0 of 6 files available' }),
    ).toBeInTheDocument();
    // The same rows on the map: La Palma's copy is a marker; CSCS-DISK (no place known here) is
    // listed apart, not drawn.
    const map = await screen.findByRole('application', { name: /Map of the 2 RSEs holding it/ });
    const onsite = await within(map).findByRole('button', {
      name: /^CTAO-N-ONSITE \(disk, La Palma, Spain\): AVAILABLE, 6 of 6 files/,
    });
    expect(onsite).toHaveAccessibleName(/locks: 1 OK; file replicas: 6 available$/);
    expect(within(map).queryByRole('button', { name: /^CSCS-DISK/ })).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: /Not on the map/ })).toHaveTextContent('CSCS-DISK');
    expect(within(replicas).getByRole('row', { name: /CTAO-N-ONSITE/ })).toHaveTextContent(
      'locks: 1 OK',
    );
    await userEvent.click(onsite);
    expect(screen.getByRole('link', { name: 'CTAO-N-ONSITE' })).toHaveAttribute(
      'href',
      '/sites/CTAO-N-ONSITE',
    );
  });
});

describe('DidPage for a file', () => {
  it('when it opens, then checksums show and metadata is typed with units; there is no Contents tab', async () => {
    fakeFetch({ ...ROOTS, [`GET ${didApiPath(FILE)}`]: { body: makeFileDetails() } });
    at(FILE);
    expect(await screen.findByText('bc7e9586')).toBeInTheDocument();
    expect(screen.getByText('9eb6cd88c7af04dbf30465f5ab3fee0f')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Contents' })).not.toBeInTheDocument();
    // Its bytes are one plain link away (the BFF streams them; the cookie goes with it).
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute(
      'href',
      `/api/dids/${FILE.scope}/${encodeURIComponent(FILE.name)}/download`,
    );
    const table = screen.getByRole('table', { name: 'Metadata' });
    const ra = within(table).getByRole('row', { name: /ra_pnt/ });
    expect(ra).toHaveTextContent('83.63308');
    expect(ra).toHaveTextContent('deg');
    expect(within(table).getByRole('row', { name: /start_time/ })).toHaveTextContent(
      '2025-02-03 21:14:00 UTC',
    );
    expect(within(table).getByRole('row', { name: /obs_id/ })).toHaveTextContent('2000000001');
    expect(within(table).getByRole('row', { name: /tel_ids/ })).toHaveTextContent('1, 2');
  });

  it('when Rucio does not know it, then the page says there is no such DID', async () => {
    fakeFetch({
      ...ROOTS,
      [`GET ${didApiPath(FILE)}`]: {
        status: 404,
        body: makeErrorBody('not_found', "Data identifier 'acada:/x' not found"),
      },
    });
    at(FILE);
    expect(await screen.findByRole('alert')).toHaveTextContent('No such DID');
  });
});
