import { fieldFor } from '@bdms/contract/search/catalogue.ts';
import { hasListedValues } from '@bdms/contract/search/value-keys.ts';
import { useState } from 'react';
import { useArchiveValues } from '../api/get-archive-values.ts';
import type { Suggestion } from '../components/suggest-input.tsx';
import { useSelectedScopes } from './use-selected-scopes.ts';

export interface ValueSuggestions {
  /** The archive's values first (labelled with the scopes holding them), then the catalogue's. */
  suggestions: Suggestion[];
  /** Said under the suggestions when the archive's values could not all be listed. */
  note: string | undefined;
  /** Ask the archive (on focus): nothing is asked before, and only once per key. */
  load: () => void;
}

/**
 * The BFF stops listing at a cap of values or time, and a scope may not answer: the value looked
 * for may well be in the archive. Any text can still be typed and searched for.
 */
export const INCOMPLETE_NOTE = 'Some values may be missing — type any value to search for it.';

/** By default the archive's values say which scopes hold them; the catalogue's say nothing. */
const holding = (_value: string, scopes?: string[]): string | undefined =>
  scopes && `in ${scopes.join(', ')}`;

/**
 * Suggestions for the value of `key`: what the archive holds in the selected scopes, then the
 * catalogue's own values (`catalogue`). `label` gets the scopes holding an archive value. An
 * enumerated key keeps only values the query accepts, so a suggestion never leads to a refusal.
 */
export function useValueSuggestions(
  key: string,
  catalogue: readonly string[],
  label: (value: string, scopes?: string[]) => string | undefined = holding,
): ValueSuggestions {
  const scopes = useSelectedScopes();
  const [askedFor, setAskedFor] = useState<string>();
  const listed = hasListedValues(key);
  const archive = useArchiveValues(scopes, key, listed && askedFor === key);
  const field = fieldFor(key);
  const allowed = (value: string) => field.type !== 'enum' || catalogue.includes(value);
  const fromArchive = (archive?.values ?? []).filter((v) => allowed(v.value));
  const seen = new Set(fromArchive.map((v) => v.value));
  const suggestions: Suggestion[] = [
    ...fromArchive.map((v) => ({ value: v.value, label: label(v.value, v.scopes) })),
    ...catalogue.filter((v) => !seen.has(v)).map((value) => ({ value, label: label(value) })),
  ];
  return {
    suggestions,
    note: archive && !archive.complete ? INCOMPLETE_NOTE : undefined,
    load: () => {
      if (listed && askedFor !== key) setAskedFor(key);
    },
  };
}
