import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import { RuleRequestPage } from './rule-request-page.tsx';

const DID = 'acada:/ctao/acada/DL0/x/f.fits.fz';
const at = () =>
  renderWithProviders(<RuleRequestPage />, {
    path: '/rules/new',
    initialEntry: `/rules/new?did=${encodeURIComponent(DID)}`,
  });
const preview = (rses: string[]) => ({
  body: {
    expression: 'X',
    rses: rses.map((rse) => ({ rse, type: 'DISK', city: null, country: null })),
    problem: null,
  },
});
const quote = (fits: boolean) => ({
  body: {
    account: 'alice',
    files: 1,
    bytes: 5_000,
    dids: [
      { scope: 'acada', name: '/ctao/acada/DL0/x/f.fits.fz', type: 'FILE', bytes: 5_000, files: 1 },
    ],
    rses: [
      {
        rse: 'CTAO-S-ONSITE',
        usedBytes: 0,
        limitBytes: fits ? 100_000 : null,
        unlimited: false,
        afterBytes: 5_000,
        fits,
        exceeds: !fits,
        fullGlobalLimits: [],
      },
    ],
    quotaChecked: true,
    fitting: fits ? 1 : 0,
    overQuota: !fits,
  },
});

describe('RuleRequestPage', () => {
  it('when the DID comes from the link and an expression is typed, then its RSEs and the quota cost show, and the rule is requested', async () => {
    const fake = fakeFetch({
      'GET /api/rse-expressions': preview(['CTAO-S-ONSITE']),
      'POST /api/rule-quotes': quote(true),
      'POST /api/rules': { status: 201, body: { ruleIds: ['r1'], state: 'created' } },
    });
    at();
    expect(screen.getByRole('textbox', { name: /DIDs/ })).toHaveValue(DID);
    await userEvent.type(screen.getByRole('textbox', { name: /RSE expression/ }), 'CTAO-S-ONSITE');
    const rses = await screen.findByRole('list', { name: 'RSEs the expression resolves to' });
    expect(within(rses).getByText('CTAO-S-ONSITE')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Quota on the resolved RSEs' });
    expect(within(table).getByRole('row', { name: /CTAO-S-ONSITE/ })).toHaveTextContent(
      'takes a copy',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Request the rule' }));
    expect(await screen.findByText('Rule requested')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'r1' })).toHaveAttribute('href', '/rules/r1');
    const sent = fake.callsTo('POST', '/api/rules')[0];
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({
      dids: [{ scope: 'acada', name: '/ctao/acada/DL0/x/f.fits.fz' }],
      rseExpression: 'CTAO-S-ONSITE',
      copies: 1,
      lifetimeSeconds: null,
      askApproval: false,
    });
  });

  it('when over quota, then it says so, and Rucio’s refusal shows at the approval choice', async () => {
    fakeFetch({
      'GET /api/rse-expressions': preview(['CTAO-S-ONSITE']),
      'POST /api/rule-quotes': quote(false),
      'POST /api/rules': {
        status: 409,
        body: {
          error: {
            code: 'rucio_refused',
            message:
              "There is insufficient quota on any of the target RSE's to fulfill the operation.",
            details: { field: 'askApproval' },
          },
        },
      },
    });
    at();
    await userEvent.type(screen.getByRole('textbox', { name: /RSE expression/ }), 'CTAO-S-ONSITE');
    expect(await screen.findByText('Over quota')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Request the rule' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/insufficient quota/);
  });

  it('when Rucio cannot resolve the expression, then its reason shows at the field and no quote is asked', async () => {
    const fake = fakeFetch({
      'GET /api/rse-expressions': {
        body: { expression: 'OFFSITE((', rses: [], problem: 'Problem with parentheses.' },
      },
    });
    at();
    await userEvent.type(screen.getByRole('textbox', { name: /RSE expression/ }), 'OFFSITE((');
    expect(await screen.findByText('Problem with parentheses.')).toBeInTheDocument();
    expect(fake.callsTo('POST', '/api/rule-quotes')).toHaveLength(0);
  });

  it('when a line is not a DID, then the field names the line and nothing is sent', async () => {
    const fake = fakeFetch({});
    at();
    const dids = screen.getByRole('textbox', { name: /DIDs/ });
    await userEvent.clear(dids);
    await userEvent.type(dids, 'not-a-did');
    expect(await screen.findByText(/Line 1: "not-a-did" is not scope:name/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Request the rule' }));
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
