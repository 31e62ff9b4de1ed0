import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { didApiPath, makeFileDetails, makeScopeRoots } from '@/testing/did-factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { withLayout } from '@/testing/layout.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import {
  makeStagingQuote,
  makeStagingRule,
  makeStagingStatus,
  TAPE_FILE,
} from '@/testing/staging-factories.ts';
import { DidPage } from './did-page.tsx';

const at = (did: { scope: string; name: string }) =>
  renderWithProviders(<DidPage />, {
    path: '/dids/:scope/:name',
    initialEntry: `/dids/${did.scope}/${encodeURIComponent(did.name)}`,
  });

const STATUS = `GET ${didApiPath(TAPE_FILE, '/staging')}`;
const base = (status = makeStagingStatus()) => ({
  'GET /api/scopes/dpps/roots': { body: makeScopeRoots() },
  [`GET ${didApiPath(TAPE_FILE)}`]: { body: makeFileDetails({ ...TAPE_FILE }) },
  [STATUS]: { body: status },
});

beforeEach(() => {
  withLayout();
});

// Dialogs driven by clicks: slow on a loaded 2-core machine.
describe('DidPage for a file on tape only', { timeout: 30_000 }, () => {
  it('when it opens, then it says so, offers staging instead of a download, and the dialog quotes the cost before the rule is asked for', async () => {
    const fake = fakeFetch({
      ...base(),
      'POST /api/rule-quotes': { body: makeStagingQuote({ usedBytes: 10_000 }) },
      [`POST ${didApiPath(TAPE_FILE, '/staging')}`]: {
        status: 201,
        body: { ruleIds: ['3f1c0e0a9b8d4c6e8f7a6b5c4d3e2f10'], state: 'created' },
      },
    });
    at(TAPE_FILE);
    const panel = await screen.findByRole('region', { name: 'Staging from tape' });
    expect(within(panel).getByText('On tape only')).toBeInTheDocument();
    expect(panel).toHaveTextContent('only on tape (PIC-TAPE)');
    expect(screen.queryByRole('link', { name: 'Download' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Share a link' })).not.toBeInTheDocument();

    await userEvent.click(within(panel).getByRole('button', { name: 'Request staging' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request staging' });
    expect(await within(dialog).findByText(/10\.0 kB used of 50\.0 kB/)).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: '3 days' })).toBeChecked();
    expect(within(dialog).queryByRole('radio', { name: '30 days' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('checkbox', { name: 'Ask for approval' })).toBeNull();
    expect(JSON.parse(fake.callsTo('POST', '/api/rule-quotes')[0]?.body ?? '{}')).toEqual({
      dids: [TAPE_FILE],
      rseExpression: 'CSCS-DISK',
      copies: 1,
    });

    fake.set(STATUS, {
      body: makeStagingStatus({ progress: 'replicating', rules: [makeStagingRule('REPLICATING')] }),
    });
    await userEvent.click(within(dialog).getByRole('radio', { name: '7 days' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Request staging' }));
    const sent = fake.callsTo('POST', didApiPath(TAPE_FILE, '/staging'))[0];
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({
      lifetimeSeconds: 7 * 86_400,
      comment: null,
      askApproval: false,
    });
    expect(await screen.findByText('Replicating')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Files staged: 0 of 1' })).toBeInTheDocument();
  });

  it('when over quota, then the request asks for approval and needs a reason', async () => {
    const fake = fakeFetch({
      ...base(),
      'POST /api/rule-quotes': { body: makeStagingQuote({ usedBytes: 50_000 }) },
      [`POST ${didApiPath(TAPE_FILE, '/staging')}`]: {
        status: 201,
        body: { ruleIds: ['3f1c0e0a9b8d4c6e8f7a6b5c4d3e2f10'], state: 'waiting_approval' },
      },
    });
    at(TAPE_FILE);
    await userEvent.click(await screen.findByRole('button', { name: 'Request staging' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request staging' });
    expect(await within(dialog).findByText('Over your quota')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Request staging' })).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Ask for approval' }));
    const submit = within(dialog).getByRole('button', { name: 'Ask for approval' });
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Why do you need the data/ }),
      'Crab reanalysis',
    );
    await userEvent.click(submit);
    const sent = fake.callsTo('POST', didApiPath(TAPE_FILE, '/staging'))[0];
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({
      comment: 'Crab reanalysis',
      askApproval: true,
    });
  });

  it('when the staging rule finishes while the page is open, then a notification says it is ready and the download is offered', async () => {
    const fake = fakeFetch(
      base(makeStagingStatus({ progress: 'replicating', rules: [makeStagingRule('REPLICATING')] })),
    );
    at(TAPE_FILE);
    expect(await screen.findByText('Replicating')).toBeInTheDocument();
    fake.set(STATUS, {
      body: makeStagingStatus({
        where: 'disk',
        progress: 'on_disk',
        filesOnDisk: 1,
        rules: [makeStagingRule('OK')],
      }),
    });
    expect(
      await screen.findByText('Staged: ready to download', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download now' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Download' })).toHaveAttribute(
      'href',
      didApiPath(TAPE_FILE, '/download'),
    );
    expect(screen.getByText('Staged to CSCS-DISK')).toBeInTheDocument();
  });
});
