import { Rule, RuleDetails, RuleList, RuleTransfers } from '@bdms/contract';
import { DATASET } from './did-factories.ts';

/** Contract-valid bodies of the rules routes, shaped like the seeded archive. */

export const RULE_ID = '76aff86194664f7297c16421ed3d3490';

export const makeListedRule = (overrides: Partial<Rule> = {}): Rule =>
  Rule.parse({
    id: RULE_ID,
    on: { ...DATASET, type: 'DATASET' },
    account: 'alice',
    state: 'OK',
    rseExpression: 'DESY-ZN-DISK',
    copies: 1,
    locks: { ok: 4, replicating: 0, stuck: 0 },
    grouping: 'DATASET',
    activity: 'User Subscriptions',
    locked: false,
    createdAt: '2026-12-03T07:38:05.000Z',
    expiresAt: null,
    error: null,
    comment: null,
    ...overrides,
  });

export const makeRuleList = (overrides: Partial<RuleList> = {}): RuleList =>
  RuleList.parse({
    account: 'alice',
    state: null,
    rules: [makeListedRule()],
    truncated: false,
    ...overrides,
  });

export const makeRuleDetails = (overrides: Partial<RuleDetails> = {}): RuleDetails =>
  RuleDetails.parse({
    rule: makeListedRule(),
    locks: [{ rse: 'DESY-ZN-DISK', ok: 4, replicating: 0, stuck: 0 }],
    files: 4,
    ...overrides,
  });

type Transfer = RuleTransfers['transfers'][number];

/** A file of the rule with its request SUBMITTED from La Palma, as the devstack recorded one. */
export const makeRuleTransfer = (
  overrides: Partial<Transfer> = {},
  request: Partial<NonNullable<Transfer['request']>> = {},
): Transfer => ({
  scope: DATASET.scope,
  name: `${DATASET.name}/file-1.fits.fz`,
  rse: 'CSCS-DISK',
  lockState: 'REPLICATING',
  request: {
    id: '1b899cda20504678b7933e0be209d19f',
    state: 'SUBMITTED',
    source: 'CTAO-N-ONSITE',
    destination: 'CSCS-DISK',
    bytes: 4853,
    retries: 0,
    activity: 'User Subscriptions',
    createdAt: '2026-12-03T08:18:29.000Z',
    updatedAt: '2026-12-03T08:18:31.000Z',
    error: null,
    externalId: '205b8ce6-eef2-11f1-860f-02fc00000001',
    ...request,
  },
  ...overrides,
});

export const makeRuleTransfers = (overrides: Partial<RuleTransfers> = {}): RuleTransfers => {
  const transfers = overrides.transfers ?? [makeRuleTransfer()];
  return RuleTransfers.parse({
    ruleId: RULE_ID,
    transfers,
    total: transfers.length,
    shown: transfers.length,
    fetchedAt: '2026-12-03T08:18:40.000Z',
    ...overrides,
  });
};
