import { QuotaAuditFilterQuery, QuotaAuditQuery } from '@bdms/contract';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeErrorBody } from '@/testing/factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { makeAuditEntry, makeAuditPage, OSCAR } from '@/testing/quota-bulk-factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { AuditPage } from './audit-page.tsx';

const AUDIT = 'GET /api/quotas/audit';

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const cellsOf = (row: HTMLElement | undefined) =>
  within(row as HTMLElement)
    .getAllByRole('cell')
    .map((c) => c.textContent);

/** The query strings of the audit requests, each checked against what the BFF accepts. */
const auditQueries = (api: ReturnType<typeof fakeFetch>) =>
  api.fetch.mock.calls
    .map(([input]) => {
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      return new URL(url, 'http://localhost');
    })
    .filter((url) => url.pathname === '/api/quotas/audit')
    .map((url) => {
      QuotaAuditQuery.parse(Object.fromEntries(url.searchParams));
      return url.search;
    });

const openAudit = (entry = '/quotas/audit') =>
  renderWithProviders(<AuditPage />, { path: '/quotas/audit', initialEntry: entry });

/** A refused global change by someone whose IdP gave no username (the sub stands in). */
const refusedGlobal = makeAuditEntry({
  id: '41',
  at: '2026-12-02T09:15:30.000Z',
  actor: { sub: OSCAR.sub, username: null, account: 'root' },
  kind: 'global',
  account: 'lst-analysis',
  rse: null,
  expression: 'OFFSITE',
  resolvedRses: ['CSCS-DISK', 'DESY-ZN-DISK'],
  before: 200000,
  after: 'unlimited',
  result: 'refused',
  message: 'Rucio did not answer the change (Rucio unavailable). Its value is unchanged.',
  batchId: null,
});

describe('AuditPage', { timeout: 20_000 }, () => {
  it('when changes load, then each shows when, who as which account, whose limit where, before → after and the result', async () => {
    fakeFetch({ [AUDIT]: { body: makeAuditPage([makeAuditEntry(), refusedGlobal]) } });
    openAudit();
    const table = await screen.findByRole('table', { name: 'Limit changes' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['When', 'Changed by', 'Account', 'Where', 'Before → after', 'Result', 'Request id']);
    const [local, global] = rowsOf(table);
    expect(cellsOf(local)).toEqual([
      '2026-12-03 16:50:00 UTC',
      'oscaras ctaoadmin',
      'alice',
      'CTAO-S-ONSITElocal set',
      'none → 1 GB (1,000,000,000 bytes)',
      'accepted',
      '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f',
    ]);
    expect(cellsOf(global)).toEqual([
      '2026-12-02 09:15:30 UTC',
      `${OSCAR.sub}as root`,
      'lst-analysis',
      'OFFSITEglobal set · CSCS-DISK, DESY-ZN-DISK',
      '200 kB (200,000 bytes) → unlimited',
      `refused${refusedGlobal.message ?? ''}`,
      '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f',
    ]);
  });

  it('when filters are set, then the request, the URL and the CSV export carry them', async () => {
    const api = fakeFetch({ [AUDIT]: { body: makeAuditPage([makeAuditEntry()]) } });
    const { location } = openAudit('/quotas/audit?account=alice');
    await screen.findByRole('table', { name: 'Limit changes' });
    expect(screen.getByRole('textbox', { name: 'Account' })).toHaveValue('alice');
    expect(auditQueries(api)).toEqual(['?account=alice']);

    await userEvent.type(screen.getByRole('textbox', { name: 'RSE' }), 'CTAO-S-ONSITE{Enter}');
    await userEvent.type(screen.getByRole('textbox', { name: 'Changed by' }), ' oscar ');
    await userEvent.tab();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Result' }), 'refused');
    // A date field has no ARIA role: found by its label.
    await userEvent.type(screen.getByLabelText('From (UTC day)'), '2026-12-01');
    await userEvent.tab();

    const query =
      'account=alice&rse=CTAO-S-ONSITE&actor=oscar&result=refused&from=2026-12-01T00%3A00%3A00Z';
    expect(auditQueries(api).at(-1)).toBe(`?${query}`);
    expect(location().search).toBe(
      '?account=alice&rse=CTAO-S-ONSITE&actor=oscar&result=refused&from=2026-12-01',
    );
    const link = screen.getByRole('link', { name: 'Export CSV' });
    expect(link).toHaveAttribute('href', `/api/quotas/audit/export?${query}`);
    expect(link).toHaveAttribute('download');
    const exportSearch = new URL(link.getAttribute('href') ?? '', 'http://localhost').searchParams;
    expect(QuotaAuditFilterQuery.safeParse(Object.fromEntries(exportSearch)).success).toBe(true);

    await userEvent.clear(screen.getByRole('textbox', { name: 'Account' }));
    await userEvent.tab();
    expect(auditQueries(api).at(-1)).not.toContain('account=');
    expect(location().search).not.toContain('account=');
  });

  it('when there are older changes, then Older pages on with the cursor, Newer goes back, and a filter starts again at page 1', async () => {
    const newest = makeAuditPage(
      [makeAuditEntry({ id: '45' }), makeAuditEntry({ id: '44' })],
      '44',
    );
    const older = makeAuditPage([refusedGlobal]);
    const api = fakeFetch({ [AUDIT]: { body: newest } });
    openAudit();
    const table = await screen.findByRole('table', { name: 'Limit changes' });
    expect(rowsOf(table)).toHaveLength(2);
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();

    api.set(AUDIT, { body: older });
    await userEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('Page 2')).toBeInTheDocument();
    expect(auditQueries(api).at(-1)).toBe('?cursor=44');
    await screen.findByText('lst-analysis');
    expect(rowsOf(screen.getByRole('table', { name: 'Limit changes' }))).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();

    api.set(AUDIT, { body: newest });
    await userEvent.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByText('Page 1')).toBeInTheDocument();
    expect(await screen.findAllByText('alice')).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('Page 2')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Result' }), 'accepted');
    expect(await screen.findByText('Page 1')).toBeInTheDocument();
    expect(auditQueries(api).at(-1)).toBe('?result=accepted');
  });

  it('when no change matches, then it says so instead of an empty table', async () => {
    fakeFetch({ [AUDIT]: { body: makeAuditPage([]) } });
    openAudit('/quotas/audit?account=nobody');
    expect(await screen.findByText('No changes')).toBeInTheDocument();
    expect(screen.getByText('No limit change matches these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();
  });

  it('when the audit cannot be read, then the BFF’s message shows with its request id, and Retry loads it', async () => {
    const api = fakeFetch({
      [AUDIT]: {
        status: 500,
        body: makeErrorBody('internal', 'Something went wrong in the portal server.', 'req-77'),
      },
    });
    openAudit();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the audit trail');
    expect(alert).toHaveTextContent('Something went wrong in the portal server.');
    expect(alert).toHaveTextContent('Request id: req-77');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    api.set(AUDIT, { body: makeAuditPage([makeAuditEntry()]) });
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Limit changes' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
