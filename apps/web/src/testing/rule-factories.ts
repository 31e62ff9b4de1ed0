import { Rule, RuleDetails, RuleList } from '@bdms/contract';
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
