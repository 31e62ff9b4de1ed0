import { BulkLimitRequest } from '@bdms/contract';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeErrorBody } from '@/testing/factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import {
  makeBulkPreview,
  makeBulkResult,
  makeBulkRow,
  makeInvalidRow,
} from '@/testing/quota-bulk-factories.ts';
import { makeLimits } from '@/testing/quota-factories.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { BulkPage } from './bulk-page.tsx';

// jsdom has no FontFaceSet; Mantine's autosize Textarea listens on document.fonts (the only
// autosize field the tests render so far, hence here rather than in testing/setup.ts).
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });

const PREVIEW = 'POST /api/quotas/limits/bulk/preview';
const APPLY = 'POST /api/quotas/limits/bulk/apply';

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
/** The bodies the page sent to a route, checked against the contract the BFF validates with. */
const bodiesTo = (api: ReturnType<typeof fakeFetch>, path: string) =>
  api.callsTo('POST', path).map((c) => BulkLimitRequest.parse(JSON.parse(c.body ?? 'null')));

const openBulk = () =>
  renderWithProviders(<BulkPage />, { path: '/quotas/bulk', initialEntry: '/quotas/bulk' });

/** Switches to the CSV import and pastes the text, as an admin would from a spreadsheet. */
async function pasteCsv(csv: string) {
  await userEvent.click(await screen.findByRole('radio', { name: 'CSV import' }));
  const box = screen.getByRole('textbox', { name: 'CSV rows' });
  await userEvent.click(box);
  await userEvent.paste(csv);
  return box;
}

/** The devstack CSV of the BFF's integration test (apps/bff/test/integration/quota-bulk.test.ts). */
const CSV = [
  'account,rse,bytes',
  'alice,CTAO-S-ONSITE,1 GB',
  'lst-analysis,CTAO-S-ONSITE,2.5 GB',
  'lst-analysis,CTAO-N-ONSITE,unlimited',
].join('\n');
const CSV_ROWS = [
  makeBulkRow({ row: 2 }),
  makeBulkRow({ row: 3, account: 'lst-analysis', after: 2.5e9 }),
  makeBulkRow({ row: 4, account: 'lst-analysis', rse: 'CTAO-N-ONSITE', after: 'unlimited' }),
] as const;
const [ALICE_S, LST_S, LST_N] = CSV_ROWS;
const DROPPED =
  'Rucio did not answer the change (Rucio unavailable on /accounts/lst-analysis/limits/local/CTAO-S-ONSITE: UND_ERR_SOCKET).';

describe('BulkPage', { timeout: 20_000 }, () => {
  it('when the same limit is set for many accounts and RSEs, then the dry run shows before → after per row and applying sends those rows', async () => {
    const preview = makeBulkPreview([
      makeBulkRow({ rse: 'CSCS-DISK' }),
      makeBulkRow({ row: 2, rse: 'DESY-ZN-DISK', before: 100000, usedBytes: 9095 }),
      makeBulkRow({ row: 3, account: 'ctaoadmin', rse: 'CSCS-DISK' }),
      makeBulkRow({ row: 4, account: 'ctaoadmin', rse: 'DESY-ZN-DISK', usedBytes: 115109 }),
    ]);
    const api = fakeFetch({
      'GET /api/quotas/limits': { body: makeLimits() },
      [PREVIEW]: { body: preview },
      [APPLY]: { body: makeBulkResult(preview.rows.map((r) => [r, 'applied'] as const)) },
    });
    openBulk();
    await userEvent.type(screen.getByRole('textbox', { name: 'Accounts' }), 'alice, ctaoadmin');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'CSCS-DISK' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'DESY-ZN-DISK' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Limit' }), '1 GB');
    await userEvent.click(screen.getByRole('button', { name: 'Preview (dry run)' }));

    const table = await screen.findByRole('table', { name: 'Preview of the bulk edit' });
    const [sent] = bodiesTo(api, '/api/quotas/limits/bulk/preview');
    expect(sent?.source).toEqual({
      kind: 'same',
      accounts: ['alice', 'ctaoadmin'],
      rses: ['CSCS-DISK', 'DESY-ZN-DISK'],
      expressions: [],
      limit: 1e9,
    });
    expect(rowsOf(table)).toHaveLength(4);
    const cells = within(rowsOf(table)[1] as HTMLElement).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual([
      '2',
      'alice',
      'DESY-ZN-DISK',
      '100 kB (100,000 bytes) → 1 GB (1,000,000,000 bytes)',
      '9.10 kB',
      'set',
    ]);
    expect(rowsOf(table)[0]).toHaveTextContent('none → 1 GB (1,000,000,000 bytes)');
    expect(
      screen.getByText(/4 rows: 4 changes, 0 unchanged, 0 invalid, 0 below usage/),
    ).toHaveTextContent('Nothing has been written yet.');
    expect(api.callsTo('POST', '/api/quotas/limits/bulk/apply')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Apply 4 changes' }));
    expect(await screen.findByRole('status', { name: 'Applied' })).toHaveTextContent(
      '4 applied, 0 unchanged, 0 failed, 0 not applied.',
    );
    expect(bodiesTo(api, '/api/quotas/limits/bulk/apply')).toEqual([
      { ...sent, confirmBelowUsage: false },
    ]);
    expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
  });

  it('when a CSV apply fails part-way, then each row says whether it was applied (CSV from a file), and the retry resends the same request id for the BFF to skip what is done', async () => {
    const api = fakeFetch({
      'GET /api/quotas/limits': { body: makeLimits() },
      [PREVIEW]: { body: makeBulkPreview([...CSV_ROWS]) },
      [APPLY]: {
        body: makeBulkResult([
          [ALICE_S, 'applied'],
          [LST_S, 'failed', DROPPED],
          [LST_N, 'not_applied'],
        ]),
      },
    });
    openBulk();
    await userEvent.click(await screen.findByRole('radio', { name: 'CSV import' }));
    // jsdom's File has no text() (browsers' has): give it the one the page reads the file with.
    const file = Object.assign(new File([CSV], 'onsite-limits.csv', { type: 'text/csv' }), {
      text: () => Promise.resolve(CSV),
    });
    // Mantine's FileInput is a button named by its label ('CSV file'); the dialog behind it is a
    // hidden input, the page's only one, which no role reaches.
    expect(screen.getByRole('button', { name: 'CSV file' })).toBeInTheDocument();
    const input = document.querySelector('input[type="file"]');
    if (!(input instanceof HTMLInputElement)) throw new Error('no file input behind the picker');
    await userEvent.upload(input, file);
    expect(await screen.findByRole('textbox', { name: 'CSV rows' })).toHaveValue(CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Preview (dry run)' }));
    const preview = await screen.findByRole('table', { name: 'Preview of the bulk edit' });
    expect(rowsOf(preview)[2]).toHaveTextContent('none → unlimited');
    await userEvent.click(screen.getByRole('button', { name: 'Apply 3 changes' }));

    expect(await screen.findByRole('status', { name: 'Applied in part' })).toHaveTextContent(
      '1 applied, 0 unchanged, 1 failed, 1 not applied. Retrying applies only the rows not applied yet.',
    );
    const result = screen.getByRole('table', { name: 'Result of the bulk edit' });
    const [first, second, third] = rowsOf(result);
    expect(first).toHaveTextContent(/^2aliceCTAO-S-ONSITE.*applied$/);
    expect(second).toHaveTextContent('lst-analysisCTAO-S-ONSITE');
    expect(second).toHaveTextContent(`failed${DROPPED}`);
    expect(third).toHaveTextContent('not appliedNot tried: an earlier row failed.');
    expect(screen.queryByRole('button', { name: /^Apply/ })).not.toBeInTheDocument();

    api.set(APPLY, {
      body: makeBulkResult([
        [ALICE_S, 'unchanged'],
        [LST_S, 'applied'],
        [LST_N, 'applied'],
      ]),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Retry the rows not applied' }));
    expect(await screen.findByRole('status', { name: 'Applied' })).toHaveTextContent(
      '2 applied, 1 unchanged, 0 failed, 0 not applied.',
    );
    // The page sends the whole edit again, not only the missing rows: the same requestId lets the
    // BFF re-read Rucio and leave the rows already at their target alone (audited as unchanged).
    const [once, again] = bodiesTo(api, '/api/quotas/limits/bulk/apply');
    expect(again).toEqual(once);
    expect(once?.source).toEqual({ kind: 'csv', csv: CSV });
    const retried = screen.getByRole('table', { name: 'Result of the bulk edit' });
    expect(rowsOf(retried).map((r) => within(r).getAllByRole('cell')[4]?.textContent)).toEqual([
      'unchanged',
      'applied',
      'applied',
    ]);
    expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
  });

  it('when a CSV line is wrong, then the dry run names its line and problem, applying is blocked, and the text stays as typed', async () => {
    const bad = `${CSV}\nalice,CTAO-N-ONSITE,-5 GB`;
    const api = fakeFetch({
      'GET /api/quotas/limits': { body: makeLimits() },
      [PREVIEW]: {
        body: makeBulkPreview([
          ...CSV_ROWS,
          makeInvalidRow(5, { field: 'limit', message: '-5 GB must not be negative' }),
        ]),
      },
    });
    openBulk();
    const box = await pasteCsv(bad);
    await userEvent.click(screen.getByRole('button', { name: 'Preview (dry run)' }));

    const table = await screen.findByRole('table', { name: 'Preview of the bulk edit' });
    const cells = within(rowsOf(table)[3] as HTMLElement).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('5');
    expect(cells[3]).toHaveTextContent('limit: -5 GB must not be negative');
    expect(cells[5]).toHaveTextContent('invalid');
    expect(screen.getByText(/4 rows: 3 changes, 0 unchanged, 1 invalid/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply 3 changes' })).toBeDisabled();
    expect(box).toHaveValue(bad);
    expect(bodiesTo(api, '/api/quotas/limits/bulk/preview')[0]?.source).toEqual({
      kind: 'csv',
      csv: bad,
    });

    // Fixing the text drops the stale dry run: only a fresh preview can be applied.
    await userEvent.type(box, '0');
    expect(table).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Apply/ })).not.toBeInTheDocument();
    expect(api.callsTo('POST', '/api/quotas/limits/bulk/apply')).toHaveLength(0);
  });

  it('when the BFF refuses the whole CSV, then its message shows and the text stays as typed', async () => {
    const onlyHeader = 'account,rse,bytes\n# nothing yet';
    fakeFetch({
      'GET /api/quotas/limits': { body: makeLimits() },
      [PREVIEW]: {
        status: 400,
        body: makeErrorBody('bad_request', 'Invalid body.source.csv: it holds no rows.'),
      },
    });
    openBulk();
    const box = await pasteCsv(onlyHeader);
    await userEvent.click(screen.getByRole('button', { name: 'Preview (dry run)' }));
    expect(await screen.findByRole('alert', { name: 'The preview failed' })).toHaveTextContent(
      'Invalid body.source.csv: it holds no rows.',
    );
    expect(box).toHaveValue(onlyHeader);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
