import type { ApiResponse } from '@bdms/contract';

export type Rule = ApiResponse<'rules'>['rules'][number];
export type RuleState = Rule['state'];
export type RuleStateFilter = Exclude<RuleState, 'INJECT'>;

/** How often a page with rules on the move asks again. */
export const LIVE_REFRESH_MS = 10_000;

export const STATE_COLOR: Record<RuleState, string> = {
  OK: 'teal',
  REPLICATING: 'blue',
  STUCK: 'red',
  SUSPENDED: 'gray',
  WAITING_APPROVAL: 'yellow',
  INJECT: 'violet',
};

export const STATE_FILTERS: readonly { value: RuleStateFilter; label: string }[] = [
  { value: 'OK', label: 'OK' },
  { value: 'REPLICATING', label: 'Replicating' },
  { value: 'STUCK', label: 'Stuck' },
  { value: 'SUSPENDED', label: 'Suspended' },
  { value: 'WAITING_APPROVAL', label: 'Waiting approval' },
];

export const isStateFilter = (value: string | null): value is RuleStateFilter =>
  STATE_FILTERS.some((f) => f.value === value);

export const stateLabel = (state: RuleState): string => state.replace('_', ' ');

/** A rule whose locks are still changing: worth asking again soon. */
export const isMoving = (rule: Pick<Rule, 'state' | 'locks'>): boolean =>
  rule.state === 'REPLICATING' || rule.state === 'INJECT' || rule.locks.replicating > 0;
