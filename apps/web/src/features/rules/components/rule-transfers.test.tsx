import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeErrorBody } from '@/testing/factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import {
  RULE_ID,
  makeListedRule,
  makeRuleDetails,
  makeRuleTransfer,
  makeRuleTransfers,
} from '@/testing/rule-factories.ts';
import { RulePage } from './rule-page.tsx';

const RULE = `GET /api/rules/${RULE_ID}`;
const TRANSFERS = `GET /api/rules/${RULE_ID}/transfers`;

const replicating = makeRuleDetails({
  rule: makeListedRule({ state: 'REPLICATING', locks: { ok: 1, replicating: 3, stuck: 0 } }),
  locks: [{ rse: 'CSCS-DISK', ok: 1, replicating: 3, stuck: 0 }],
});

const open = () =>
  renderWithProviders(<RulePage />, { path: '/rules/:id', initialEntry: `/rules/${RULE_ID}` });

const section = () => screen.getByRole('region', { name: 'Transfers' });

describe('the transfers of a rule on its page', () => {
  it('when the rule replicates, then each file not yet OK shows where it comes from and goes, its state, size, retries and last update; refreshed every 5 s', async () => {
    const queued = makeRuleTransfer(
      { name: '/ctao/acada/file-2.fits.fz' },
      { state: 'QUEUED', source: null, bytes: 1_250_000, retries: 2 },
    );
    fakeFetch({
      [RULE]: { body: replicating },
      [TRANSFERS]: { body: makeRuleTransfers({ transfers: [makeRuleTransfer(), queued] }) },
    });
    open();
    const table = await screen.findByRole('table', { name: 'Transfers of this rule' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['File', 'From', 'To', 'State', 'Bytes', 'Retries', 'Updated']);
    const [, submittedRow, queuedRow] = within(table).getAllByRole('row');
    const file = within(submittedRow!).getByRole('link', { name: /file-1\.fits\.fz$/ });
    expect(file).toHaveAttribute('href', expect.stringMatching(/^\/dids\/acada\//) as string);
    expect(within(submittedRow!).getByRole('link', { name: 'CTAO-N-ONSITE' })).toHaveAttribute(
      'href',
      '/sites/CTAO-N-ONSITE',
    );
    expect(within(submittedRow!).getByRole('link', { name: 'CSCS-DISK' })).toBeInTheDocument();
    expect(submittedRow).toHaveTextContent('SUBMITTED');
    expect(submittedRow).toHaveTextContent('4.85 kB');
    expect(submittedRow).toHaveTextContent('2026-12-03 08:18:31 UTC');
    expect(queuedRow).toHaveTextContent('QUEUED');
    expect(queuedRow).toHaveTextContent('not chosen yet');
    expect(queuedRow).toHaveTextContent('1.25 MB');
    expect(within(section()).getByText('2 files not yet OK', { exact: false })).toBeVisible();
    expect(
      within(section()).getByText(/^Updated \d\d:\d\d:\d\d · refreshes every 5 s$/),
    ).toBeInTheDocument();
  });

  it('when the rule is OK, then there is no transfers section and the BFF is not asked for one', async () => {
    const api = fakeFetch({ [RULE]: { body: makeRuleDetails() } });
    open();
    await screen.findByRole('table', { name: 'Locks per RSE' });
    expect(screen.queryByRole('region', { name: 'Transfers' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', `/api/rules/${RULE_ID}/transfers`)).toHaveLength(0);
  });

  it('while the transfers load, then a labelled status placeholder shows', async () => {
    const api = fakeFetch({ [RULE]: { body: replicating } });
    const answer = api.fetch.getMockImplementation();
    // The transfers never answer: the placeholder stays.
    api.fetch.mockImplementation((input, init) =>
      (input instanceof Request ? input.url : input.toString()).endsWith('/transfers')
        ? new Promise<Response>(() => undefined)
        : (answer?.(input, init) ?? Promise.reject(new Error('no fake'))),
    );
    open();
    expect(
      await screen.findByRole('status', { name: 'Loading the transfers of this rule' }),
    ).toBeInTheDocument();
  });

  it('when Rucio has no request yet, then the empty state says the judge creates them', async () => {
    fakeFetch({
      [RULE]: { body: replicating },
      [TRANSFERS]: { body: makeRuleTransfers({ transfers: [] }) },
    });
    open();
    expect(await screen.findByText('No transfers queued yet')).toBeInTheDocument();
    expect(screen.getByText("Rucio's judge creates them within seconds.")).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Transfers of this rule' })).not.toBeInTheDocument();
  });

  it('when a transfer failed or a stuck file has no request, then Rucio’s error and “no request” show, and the stuck rule is not refreshed', async () => {
    const stuck = makeRuleDetails({
      rule: makeListedRule({ state: 'STUCK', locks: { ok: 2, replicating: 0, stuck: 2 } }),
    });
    const failed = makeRuleTransfer(
      { lockState: 'STUCK' },
      { state: 'FAILED', error: 'adler32 mismatch at the destination', retries: 3 },
    );
    const none = makeRuleTransfer(
      { name: '/ctao/acada/file-3.fits.fz', lockState: 'STUCK' },
      undefined,
    );
    fakeFetch({
      [RULE]: { body: stuck },
      [TRANSFERS]: { body: makeRuleTransfers({ transfers: [failed, { ...none, request: null }] }) },
    });
    open();
    const table = await screen.findByRole('table', { name: 'Transfers of this rule' });
    const [, failedRow, noneRow] = within(table).getAllByRole('row');
    expect(failedRow).toHaveTextContent('FAILED');
    expect(failedRow).toHaveTextContent('adler32 mismatch at the destination');
    expect(noneRow).toHaveTextContent('no request (stuck)');
    expect(within(section()).getByText(/^Updated \d\d:\d\d:\d\d$/)).toBeInTheDocument();
  });

  it('when more files are pending than listed, then a note says how many are shown of all', async () => {
    fakeFetch({
      [RULE]: { body: replicating },
      [TRANSFERS]: { body: makeRuleTransfers({ total: 1234, shown: 1 }) },
    });
    open();
    expect(
      await screen.findByText('Only the first 1 of 1,234 files are shown.'),
    ).toBeInTheDocument();
  });

  it('when the BFF refuses (Rucio said 401), then the section shows the error with a retry', async () => {
    fakeFetch({
      [RULE]: { body: replicating },
      [TRANSFERS]: {
        status: 401,
        body: makeErrorBody('rucio_rejected_token', 'Rucio does not know your identity'),
      },
    });
    open();
    const alert = await within(await screen.findByRole('region', { name: 'Transfers' })).findByRole(
      'alert',
    );
    expect(alert).toHaveTextContent('Could not load the transfers of this rule');
  });
});
