import { Button, Group, SegmentedControl, TextInput } from '@mantine/core';
import { useState } from 'react';
import { STATE_FILTERS, isStateFilter, type RuleStateFilter } from '../utils/rule-state.ts';

const ALL = 'ALL';

/** The state filter (every page), and for admins whose rules to show. */
export function RulesFilters({
  state,
  onState,
  account,
  onAccount,
  isAdmin,
}: {
  state: RuleStateFilter | undefined;
  onState: (state: RuleStateFilter | undefined) => void;
  account: string;
  onAccount: (account: string) => void;
  isAdmin: boolean;
}) {
  const [draft, setDraft] = useState(account);
  return (
    <Group justify="space-between" align="end" gap="sm">
      <SegmentedControl
        aria-label="Rule state"
        value={state ?? ALL}
        onChange={(v) => {
          onState(isStateFilter(v) ? v : undefined);
        }}
        data={[{ value: ALL, label: 'All' }, ...STATE_FILTERS]}
      />
      {isAdmin && (
        <Group
          component="form"
          gap="xs"
          align="end"
          role="search"
          aria-label="Whose rules"
          onSubmit={(e) => {
            e.preventDefault();
            onAccount(draft.trim());
          }}
        >
          <TextInput
            label="Account"
            description="Empty: yours"
            placeholder="e.g. alice"
            value={draft}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
            }}
            w={200}
          />
          <Button type="submit" variant="light">
            Show
          </Button>
        </Group>
      )}
    </Group>
  );
}
