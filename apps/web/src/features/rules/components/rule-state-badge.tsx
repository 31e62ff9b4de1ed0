import { Badge, Text } from '@mantine/core';
import { STATE_COLOR, stateLabel, type Rule } from '../utils/rule-state.ts';

/** A rule's state as a coloured dot badge, with Rucio's error under it when it has one. */
export function RuleStateBadge({ rule }: { rule: Pick<Rule, 'state' | 'error'> }) {
  return (
    <>
      {/* Sized to its label: a narrow cell would cut WAITING APPROVAL to "WAITI…". */}
      <Badge color={STATE_COLOR[rule.state]} variant="dot" w="max-content" maw="none">
        {stateLabel(rule.state)}
      </Badge>
      {rule.error && (
        <Text size="xs" c="red" mt={4}>
          {rule.error}
        </Text>
      )}
    </>
  );
}
