import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeErrorBody } from '@/testing/factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import {
  RULE_ID,
  makeListedRule,
  makeRuleDetails,
  makeRuleList,
} from '@/testing/rule-factories.ts';
import { rulesQueryOptions } from '../api/get-rules.ts';
import { ruleQueryOptions } from '../api/get-rule.ts';
import { RulePage } from './rule-page.tsx';
import { RulesPage } from './rules-page.tsx';

const searchOf = (fetch: ReturnType<typeof fakeFetch>['fetch']) =>
  fetch.mock.calls.map(([input]) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    return new URL(url, 'http://localhost').search;
  });

const openRules = (isAdmin = false, entry = '/rules') =>
  renderWithProviders(<RulesPage isAdmin={isAdmin} />, { path: '/rules', initialEntry: entry });

describe('RulesPage', () => {
  it('when the account has rules, then each shows its state, progress bar, DID and rule links, and when it was fetched', async () => {
    const replicating = makeListedRule({
      id: 'a'.repeat(32),
      state: 'REPLICATING',
      locks: { ok: 1, replicating: 2, stuck: 1 },
    });
    fakeFetch({
      'GET /api/rules': { body: makeRuleList({ rules: [makeListedRule(), replicating] }) },
    });
    openRules();
    const table = await screen.findByRole('table', { name: 'Rules' });
    const row = within(table).getAllByRole('row')[2] as HTMLElement;
    expect(row).toHaveTextContent('REPLICATING');
    expect(
      within(row).getByRole('progressbar', { name: 'locks 1 OK, 2 replicating, 1 stuck' }),
    ).toHaveAttribute('aria-valuemax', '4');
    expect(within(row).getByRole('link', { name: `Rule ${'a'.repeat(32)}` })).toHaveAttribute(
      'href',
      `/rules/${'a'.repeat(32)}`,
    );
    expect(within(row).getByRole('link', { name: /^acada:\/ctao/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/dids\/acada\//) as string,
    );
    expect(screen.getByText(/^Updated \d\d:\d\d:\d\d · refreshes every 10 s$/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Account/ })).not.toBeInTheDocument();
  });

  it('when a state is chosen, then it goes into the URL and the BFF is asked for it', async () => {
    const api = fakeFetch({ 'GET /api/rules': { body: makeRuleList() } });
    const { location } = openRules();
    await screen.findByRole('table', { name: 'Rules' });
    await userEvent.click(screen.getByRole('radio', { name: 'Stuck' }));
    expect(location().search).toBe('?state=STUCK');
    await screen.findByText(/in state STUCK|of account/);
    expect(searchOf(api.fetch)).toContain('?state=STUCK');
  });

  it('when an admin names an account, then its rules are asked for and the URL keeps it', async () => {
    const api = fakeFetch({
      'GET /api/rules': { body: makeRuleList({ account: 'ctaoadmin', rules: [] }) },
    });
    const { location } = openRules(true);
    const field = await screen.findByRole('textbox', { name: /Account/ });
    await userEvent.type(field, 'ctaoadmin');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(location().search).toBe('?account=ctaoadmin');
    expect(await screen.findByText('No rules')).toBeInTheDocument();
    expect(searchOf(api.fetch)).toContain('?account=ctaoadmin');
  });

  it('when the BFF refuses, then the error says why and offers a retry', async () => {
    fakeFetch({
      'GET /api/rules': {
        status: 403,
        body: makeErrorBody('forbidden', 'Only portal administrators…'),
      },
    });
    openRules(false, '/rules?account=ctaoadmin');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the rules');
    expect(screen.getByRole('button', { name: /Try again|Retry/ })).toBeInTheDocument();
  });
});

describe('live refresh', () => {
  // Only the state's data is read by the interval functions.
  const interval = (opts: { refetchInterval?: unknown }, data: unknown) =>
    (opts.refetchInterval as (q: { state: { data: unknown } }) => number | false)({
      state: { data },
    });

  it('asks again every 10 s while a rule replicates, and stops when none does', () => {
    const opts = rulesQueryOptions({});
    expect(
      interval(opts, makeRuleList({ rules: [makeListedRule({ state: 'REPLICATING' })] })),
    ).toBe(10_000);
    expect(interval(opts, makeRuleList())).toBe(false);
    const one = ruleQueryOptions(RULE_ID);
    const moving = makeRuleDetails({
      rule: makeListedRule({ locks: { ok: 1, replicating: 3, stuck: 0 }, state: 'REPLICATING' }),
    });
    expect(interval(one, moving)).toBe(10_000);
    expect(interval(one, makeRuleDetails())).toBe(false);
  });
});

describe('RulePage', () => {
  const at = (id: string) =>
    renderWithProviders(<RulePage />, { path: '/rules/:id', initialEntry: `/rules/${id}` });

  it('when it opens, then the rule’s facts and its locks per RSE show, RSEs linking to their pages', async () => {
    const details = makeRuleDetails({
      locks: [
        { rse: 'CSCS-DISK', ok: 2, replicating: 1, stuck: 0 },
        { rse: 'DESY-ZN-DISK', ok: 3, replicating: 0, stuck: 0 },
      ],
      files: 6,
    });
    fakeFetch({ [`GET /api/rules/${RULE_ID}`]: { body: details } });
    at(RULE_ID);
    const table = await screen.findByRole('table', { name: 'Locks per RSE' });
    const cscs = within(table).getByRole('row', { name: /CSCS-DISK/ });
    expect(within(cscs).getByRole('link', { name: 'CSCS-DISK' })).toHaveAttribute(
      'href',
      '/sites/CSCS-DISK',
    );
    expect(
      within(cscs).getByRole('progressbar', {
        name: 'CSCS-DISK: locks 2 OK, 1 replicating, 0 stuck',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('6 file locks over 2 RSEs')).toBeInTheDocument();
    expect(screen.getByText('DESY-ZN-DISK', { selector: 'code' })).toBeInTheDocument();
    expect(screen.getByText(/^Updated \d\d:\d\d:\d\d$/)).toBeInTheDocument();
  });

  it('when the rule is unknown, then the error names it', async () => {
    fakeFetch({
      [`GET /api/rules/${RULE_ID}`]: {
        status: 404,
        body: makeErrorBody('not_found', `No rule with the id ${RULE_ID} found`),
      },
    });
    at(RULE_ID);
    expect(await screen.findByRole('alert')).toHaveTextContent(`No rule with the id ${RULE_ID}`);
  });
});
