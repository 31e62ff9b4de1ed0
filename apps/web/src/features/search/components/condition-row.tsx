import { CATALOGUE, fieldFor } from '@bdms/contract/search/catalogue.ts';
import { OPERATORS } from '@bdms/contract/search/query.ts';
import { ActionIcon, Group, NativeSelect } from '@mantine/core';
import { SuggestInput } from './suggest-input.tsx';
import { IconTrash } from '@tabler/icons-react';
import type { DraftCondition } from '../utils/draft.ts';
import type { FieldErrors } from '../utils/field-errors.ts';
import { ValueInput } from './value-input.tsx';

const KEYS = CATALOGUE.filter((f) => f.filterable).map((f) => ({
  value: f.key,
  label: `${f.label}${f.unit ? ` (${f.unit})` : ''}`,
}));
const OPERATOR_WORDS: Record<string, string> = {
  '=': '= (equals, * wildcard)',
  '!=': '≠ (differs, * wildcard)',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
};

interface ConditionRowProps {
  condition: DraftCondition;
  label: string;
  errors: FieldErrors;
  onChange: (next: DraftCondition) => void;
  onRemove: () => void;
}

/** One `key op value` term: catalogue keys are suggested, any other key can be typed. */
export function ConditionRow({ condition, label, errors, onChange, onRemove }: ConditionRowProps) {
  const field = fieldFor(condition.key.trim());
  const set = (patch: Partial<DraftCondition>) => {
    onChange({ ...condition, ...patch });
  };
  const keyHint =
    field.type === 'any' ? undefined : `${field.label}${field.unit ? ` (${field.unit})` : ''}`;
  return (
    <Group role="group" aria-label={label} align="flex-start" gap="xs" wrap="wrap">
      <SuggestInput
        aria-label="Key"
        placeholder="obs_id, site… or any key"
        value={condition.key}
        onChange={(key) => {
          set({ key });
        }}
        suggestions={KEYS}
        description={keyHint}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={errors[`${condition.id}.key`]}
        w={200}
      />
      <NativeSelect
        aria-label="Operator"
        value={condition.op}
        onChange={(event) => {
          set({ op: event.currentTarget.value });
        }}
        data={OPERATORS.map((op) => ({ value: op, label: OPERATOR_WORDS[op] ?? op }))}
        error={errors[`${condition.id}.op`]}
        w={130}
      />
      <ValueInput
        fieldKey={condition.key.trim()}
        value={condition.value}
        onChange={(value) => {
          set({ value });
        }}
        error={errors[`${condition.id}.value`]}
      />
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={`Remove ${label.toLowerCase()}`}
        onClick={onRemove}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
