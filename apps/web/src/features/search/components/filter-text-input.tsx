import type { FilterSyntaxError } from '@bdms/contract/search/filter-tokens.ts';
import { Anchor, Box, Code, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import classes from './search.module.css';

interface FilterTextInputProps {
  value: string;
  onChange: (value: string) => void;
  errors: readonly FilterSyntaxError[];
  onSubmit: () => void;
}

const CONTEXT = 24;

/** The error's token marked inside a window of the text around it. */
function Excerpt({ text, error }: { text: string; error: FilterSyntaxError }) {
  const from = Math.max(0, error.offset - CONTEXT);
  const to = Math.min(text.length, error.offset + error.length + CONTEXT);
  const marked = text.slice(error.offset, error.offset + error.length);
  return (
    <Code className={classes.excerpt}>
      {from > 0 && '…'}
      {text.slice(from, error.offset)}
      <mark className={classes.token} data-testid="error-token">
        {marked === '' ? '\u00a0' : marked}
      </mark>
      {text.slice(error.offset + error.length, to)}
      {to < text.length && '…'}
    </Code>
  );
}

/**
 * Text mode: the conditions in Rucio's CLI filter syntax (`,` AND, `;` OR, `1<k<5`). Each error
 * shows the offending token in place; "Show in text" selects it in the field.
 */
export function FilterTextInput({ value, onChange, errors, onSubmit }: FilterTextInputProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();
  const helpId = useId();
  const select = (error: FilterSyntaxError) => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange(error.offset, error.offset + Math.max(error.length, 1));
  };
  const invalid = errors.length > 0;
  const describedBy = invalid ? `${errorId} ${helpId}` : helpId;
  // Mantine writes aria-describedby itself (its own description/error only); the errors here
  // live in their own block, so the attribute is set after Mantine's render.
  useEffect(() => {
    ref.current?.setAttribute('aria-describedby', describedBy);
  });
  return (
    <Stack gap={4}>
      <Textarea
        ref={ref}
        label="Rucio filter"
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmit();
        }}
        rows={3}
        spellCheck={false}
        classNames={{ input: classes.mono }}
        placeholder="observatory=CTA, 2000000001<=obs_id<=2000000100; site=CTAO-South"
        error={invalid}
      />
      <Text id={helpId} size="xs" c="dimmed">
        As in <code>rucio did list --filter</code>: <code>,</code> is AND, <code>;</code> is OR,
        ranges read <code>low&lt;key&lt;high</code>. Ctrl+Enter searches.
      </Text>
      {invalid && (
        <Box id={errorId} role="alert" aria-label="Problems in the filter">
          <Stack gap={6}>
            {errors.map((error, i) => (
              <div key={`${error.offset}-${i}`}>
                <Excerpt text={value} error={error} />
                <Text size="sm" c="red">
                  {error.message} (character {error.offset + 1}){' '}
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => {
                      select(error);
                    }}
                  >
                    Show in text
                  </Anchor>
                </Text>
              </div>
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
