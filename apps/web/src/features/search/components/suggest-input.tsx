import { TextInput, VisuallyHidden, type TextInputProps } from '@mantine/core';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { plural } from '@/lib/format.ts';
import classes from './suggest-input.module.css';

export interface Suggestion {
  value: string;
  label?: string | undefined;
}

interface SuggestInputProps extends Omit<TextInputProps, 'onChange' | 'list'> {
  value: string;
  onChange: (value: string) => void;
  suggestions: readonly Suggestion[];
  /** Said under the suggestions, never one of them: e.g. that the list may be incomplete. */
  note?: string | undefined;
}

/** A long list is narrowed by typing; the page need not hold thousands of options. */
const SHOWN = 50;

/** What matches the text (anywhere in the value or its label), but the text itself. */
function matching(suggestions: readonly Suggestion[], text: string): Suggestion[] {
  const needle = text.trim().toLowerCase();
  return suggestions.filter(
    (s) =>
      s.value !== text &&
      (s.value.toLowerCase().includes(needle) || !!s.label?.toLowerCase().includes(needle)),
  );
}

/**
 * A text input with suggestions the user may take or ignore: any text can be typed. A WAI-ARIA
 * combobox with a list popup, written here rather than the browser's datalist, which cannot show
 * a note that is not an option, or Mantine's Combobox (~10 kB more on the page's first load).
 * The list opens on typing, a click or Down; Up/Down move through it, Enter takes a suggestion,
 * Escape closes it; the focus stays in the input.
 */
export function SuggestInput(props: SuggestInputProps) {
  const { value, onChange, suggestions, note, onBlur, onKeyDown, onClick, ...rest } = props;
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const found = matching(suggestions, value);
  const options = found.slice(0, SHOWN);
  const expanded = open && (options.length > 0 || note !== undefined);
  const activeId = expanded && options[active] ? `${listId}-${active}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const choose = (s: Suggestion) => {
    onChange(s.value);
    close();
  };
  const step = (by: number) => {
    const count = options.length;
    if (!expanded) setOpen(true);
    if (count > 0) setActive((a) => (a < 0 ? (by > 0 ? 0 : count - 1) : (a + by + count) % count));
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    const chosen = expanded ? options[active] : undefined;
    if (event.key === 'ArrowDown' && event.altKey) setOpen(true);
    else if (event.key === 'ArrowDown') step(1);
    else if (event.key === 'ArrowUp') step(-1);
    else if (event.key === 'Enter' && chosen) choose(chosen);
    else if (event.key === 'Escape' && expanded) {
      // Only the list closes, not a dialog around the input.
      event.stopPropagation();
      close();
    } else return;
    event.preventDefault();
  };

  const popup = (
    <div className={classes.popup} hidden={!expanded}>
      <div role="listbox" id={listId} aria-label="Suggestions" className={classes.list}>
        {options.map((s, i) => (
          // The options are reached from the input (aria-activedescendant), never focused; a
          // mouse press must not take the focus from the input either.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
          <div
            key={s.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={classes.option}
            onMouseDown={(event) => {
              event.preventDefault();
            }}
            onClick={() => {
              choose(s);
            }}
          >
            <span>{s.value}</span>
            {s.label && <span className={classes.label}> {s.label}</span>}
          </div>
        ))}
      </div>
      {(found.length > SHOWN || note) && (
        <div className={options.length > 0 ? classes.footer : undefined}>
          {found.length > SHOWN && (
            <div className={classes.note}>
              {plural(found.length - SHOWN, 'more value')}: type to narrow the list
            </div>
          )}
          {/* Read out by the status below, once, when the list opens. */}
          {note && (
            <div className={classes.note} aria-hidden>
              {note}
            </div>
          )}
        </div>
      )}
    </div>
  );

  return (
    <TextInput
      {...rest}
      value={value}
      role="combobox"
      aria-autocomplete="list"
      aria-expanded={expanded}
      aria-controls={listId}
      aria-activedescendant={activeId}
      autoComplete="off"
      inputContainer={(input) => (
        <div className={classes.anchor}>
          {input}
          {popup}
          <VisuallyHidden role="status">{expanded && note ? note : ''}</VisuallyHidden>
        </div>
      )}
      onChange={(event) => {
        onChange(event.currentTarget.value);
        setOpen(true);
        setActive(-1);
      }}
      onClick={(event) => {
        onClick?.(event);
        setOpen(true);
      }}
      onBlur={(event) => {
        onBlur?.(event);
        close();
      }}
      onKeyDown={onKey}
    />
  );
}
