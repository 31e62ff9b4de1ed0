import { fieldFor } from '@bdms/contract/search/catalogue.ts';
import { formatMjd, parseTimeInput } from '@bdms/contract/search/time.ts';
import { Text, TextInput } from '@mantine/core';
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

/**
 * The value of one condition, typed by the catalogue: numbers with their unit, times as ISO 8601
 * or MJD (shown both ways), enumerations and known values as suggestions; any other key as text.
 */
export function ValueInput({ fieldKey, value, onChange, error }: ValueInputProps) {
  const field = fieldFor(fieldKey);
  const common = {
    'aria-label': 'Value',
    value,
    error,
    size: 'sm' as const,
    miw: 180,
    style: { flex: 1 },
  };
  if (field.values && field.values.length > 0) {
    return (
      <SuggestInput
        {...common}
        suggestions={field.values.map((value) => ({ value }))}
        placeholder={field.values.slice(0, 2).join(', ')}
        onChange={onChange}
      />
    );
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
