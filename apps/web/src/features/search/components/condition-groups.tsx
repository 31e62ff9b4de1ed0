import { Button, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment } from 'react';
import { blankCondition, blankGroup, type DraftGroup } from '../utils/draft.ts';
import type { FieldErrors } from '../utils/field-errors.ts';
import { ConditionRow } from './condition-row.tsx';

interface ConditionGroupsProps {
  groups: DraftGroup[];
  errors: FieldErrors;
  onChange: (groups: DraftGroup[]) => void;
}

/** Groups of conditions: AND inside a group, OR between groups (Rucio's `,` and `;`). */
export function ConditionGroups({ groups, errors, onChange }: ConditionGroupsProps) {
  const replace = (index: number, group: DraftGroup) => {
    onChange(groups.map((g, i) => (i === index ? group : g)));
  };
  const remove = (index: number) => {
    const rest = groups.filter((_, i) => i !== index);
    onChange(rest.length > 0 ? rest : [blankGroup()]);
  };
  return (
    <Stack gap="xs">
      {groups.map((group, g) => {
        const name = `Group ${g + 1}`;
        const groupError = errors[`group:${group.id}`];
        return (
          <Fragment key={group.id}>
            {g > 0 && <Divider label="OR" labelPosition="center" aria-hidden />}
            <Paper withBorder p="sm" radius="md" role="group" aria-label={name}>
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text size="sm" fw={600}>
                    {name}
                    <Text span size="xs" c="dimmed" fw={400}>
                      {' '}
                      — all of these conditions
                    </Text>
                  </Text>
                  {groups.length > 1 && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => {
                        remove(g);
                      }}
                      aria-label={`Remove group ${g + 1}`}
                    >
                      Remove group
                    </Button>
                  )}
                </Group>
                {group.conditions.map((condition, i) => (
                  <ConditionRow
                    key={condition.id}
                    condition={condition}
                    label={`Condition ${i + 1} of group ${g + 1}`}
                    errors={errors}
                    onChange={(next) => {
                      replace(g, {
                        ...group,
                        conditions: group.conditions.map((c) => (c.id === next.id ? next : c)),
                      });
                    }}
                    onRemove={() => {
                      const conditions = group.conditions.filter((c) => c.id !== condition.id);
                      replace(g, {
                        ...group,
                        conditions: conditions.length > 0 ? conditions : [blankCondition()],
                      });
                    }}
                  />
                ))}
                {groupError && (
                  <Text size="sm" c="red" role="alert">
                    {groupError}
                  </Text>
                )}
                <Group>
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => {
                      replace(g, { ...group, conditions: [...group.conditions, blankCondition()] });
                    }}
                    aria-label={`AND condition in group ${g + 1}`}
                  >
                    AND condition
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </Fragment>
        );
      })}
      <Group>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => {
            onChange([...groups, blankGroup()]);
          }}
        >
          Add OR group
        </Button>
      </Group>
    </Stack>
  );
}
