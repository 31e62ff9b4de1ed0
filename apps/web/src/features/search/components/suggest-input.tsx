import { TextInput, type TextInputProps } from '@mantine/core';
import { useId } from 'react';

export interface Suggestion {
  value: string;
  label?: string;
}

interface SuggestInputProps extends Omit<TextInputProps, 'onChange' | 'list'> {
  value: string;
  onChange: (value: string) => void;
  suggestions: readonly Suggestion[];
}

/**
 * A text input with suggestions the user may take or ignore: the browser's own datalist, which
 * is a combobox to assistive technology and costs no JavaScript (a Mantine Combobox would add
 * ~10 kB to the page's first load).
 */
export function SuggestInput({ value, onChange, suggestions, ...rest }: SuggestInputProps) {
  const listId = useId();
  return (
    <>
      <TextInput
        {...rest}
        value={value}
        list={listId}
        autoComplete="off"
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </datalist>
    </>
  );
}
