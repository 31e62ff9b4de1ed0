import { fieldFor } from '@bdms/contract/search/catalogue.ts';
import { formatMjd, parseTimeInput } from '@bdms/contract/search/time.ts';
import { hasListedValues } from '@bdms/contract/search/value-keys.ts';
import { Text, TextInput } from '@mantine/core';
import { useValueSuggestions } from '../hooks/use-value-suggestions.ts';
import { SuggestInput } from './suggest-input.tsx';

interface ValueInputProps {
  fieldKey: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** A time read both ways, so ISO and MJD users each see their own form. */
function timeEcho(value: string): string | undefined {
  if (value.trim() === '' || /[*%]/.test(value)) return undefined;
  const time = parseTimeInput(value);
  return time.ok ? `${time.iso} · MJD ${formatMjd(time.mjd)}` : undefined;
}

type CommonProps = Pick<ValueInputProps, 'value' | 'error'> & {
  'aria-label': string;
  size: 'sm';
  miw: number;
  style: { flex: number };
};

/**
 * Text with suggestions: the archive's values in the selected scopes (asked for when the input
 * first gets focus, never awaited), then the catalogue's; a note says when the archive's could not
 * all be listed.
 */
function SuggestedValue({
  fieldKey,
  common,
  onChange,
}: {
  fieldKey: string;
  common: CommonProps;
  onChange: (value: string) => void;
}) {
  const known = fieldFor(fieldKey).values ?? [];
  const { suggestions, note, load } = useValueSuggestions(fieldKey, known);
  return (
    <SuggestInput
      {...common}
      suggestions={suggestions}
      note={note}
      placeholder={known.length > 0 ? known.slice(0, 2).join(', ') : 'text, * as wildcard'}
      onChange={onChange}
      onFocus={load}
    />
  );
}

/**
 * The value of one condition, typed by the catalogue: numbers with their unit, times as ISO 8601
 * or MJD (shown both ways), text keys (the catalogue's and any other) with suggestions from the
 * archive and the catalogue.
 */
export function ValueInput({ fieldKey, value, onChange, error }: ValueInputProps) {
  const field = fieldFor(fieldKey);
  const common: CommonProps = {
    'aria-label': 'Value',
    value,
    error,
    size: 'sm',
    miw: 180,
    style: { flex: 1 },
  };
  if (hasListedValues(fieldKey) || (field.values && field.values.length > 0)) {
    return <SuggestedValue fieldKey={fieldKey} common={common} onChange={onChange} />;
  }
  const numeric = field.type === 'int' || field.type === 'float';
  const placeholder =
    field.type === 'datetime'
      ? '2025-02-04T21:34:05 or MJD 60710.9'
      : field.type === 'date'
        ? 'YYYY-MM-DD'
        : numeric
          ? field.range && field.range.max < 1e6
            ? `${field.range.min} to ${field.range.max}`
            : 'a number'
          : 'text, * as wildcard';
  return (
    <TextInput
      {...common}
      placeholder={placeholder}
      inputMode={numeric ? 'decimal' : undefined}
      rightSection={
        field.unit ? (
          <Text size="xs" c="dimmed" aria-hidden>
            {field.unit === 'deg' ? '°' : field.unit}
          </Text>
        ) : undefined
      }
      description={field.type === 'datetime' ? timeEcho(value) : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      onChange={(event) => {
        onChange(event.currentTarget.value);
      }}
    />
  );
}
