import { SegmentedControl, TextInput } from '@mantine/core';
import { valueOf, type ValueMode } from '../utils/limit-form.ts';

/**
 * The new limit, one way for the editor and the bulk edit: bytes typed in human units (checked
 * as typed, with the reason when it cannot be read), unlimited, or removal.
 */
export function LimitValueField({
  mode,
  text,
  onChange,
}: {
  mode: ValueMode;
  text: string;
  onChange: (mode: ValueMode, text: string) => void;
}) {
  const value = valueOf(mode, text);
  return (
    <>
      <SegmentedControl
        aria-label="New limit"
        value={mode}
        onChange={(v) => {
          onChange(v, text);
        }}
        data={[
          { value: 'bytes', label: 'Bytes' },
          { value: 'unlimited', label: 'Unlimited' },
          { value: 'remove', label: 'Remove limit' },
        ]}
      />
      {mode === 'bytes' && (
        <TextInput
          label="Limit"
          description="In TB, GB, MB… (decimal) or TiB, GiB… or plain bytes"
          placeholder="10 TB"
          value={text}
          error={text && !value.ok ? value.problem : undefined}
          onChange={(e) => {
            onChange(mode, e.currentTarget.value);
          }}
        />
      )}
    </>
  );
}
