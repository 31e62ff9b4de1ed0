import { formatFilter, parseFilter } from '@bdms/contract/search/filter-grammar.ts';
import { spanAtPath } from '@bdms/contract/search/filter-text.ts';
import type { FilterSyntaxError } from '@bdms/contract/search/filter-tokens.ts';
import type { SearchQueryInput } from '@bdms/contract/search/query-schema.ts';
import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { validateQuery, type QueryError } from '@bdms/contract/search/validate.ts';
import { useState } from 'react';
import { draftFromInput, draftToInput, emptyDraft, type Draft } from '../utils/draft.ts';
import { identityPaths, placeErrors, type FieldErrors } from '../utils/field-errors.ts';
import type { UrlSearch } from '../utils/url-query.ts';

export type EditorMode = 'builder' | 'text';

interface EditorState {
  mode: EditorMode;
  draft: Draft;
  text: string;
  fieldErrors: FieldErrors;
  textErrors: FilterSyntaxError[];
  /** Said when text mode moved `type=`/`name=` into their own fields. */
  notice?: string;
}

/** The conditions of a draft as filter text (blank rows left out). */
const textOf = (draft: Draft): string =>
  formatFilter({ scopes: [], groups: draftToInput(draft).input.groups as SearchQuery['groups'] });

/** Validation errors split: conditions go onto the text, the rest onto their fields. */
function splitErrors(errors: QueryError[], spans: Parameters<typeof spanAtPath>[0]) {
  const onText: FilterSyntaxError[] = [];
  const onFields: QueryError[] = [];
  for (const e of errors) {
    const span = e.path[0] === 'groups' ? spanAtPath(spans, e.path) : undefined;
    if (span) onText.push({ ...span, message: e.message });
    else onFields.push(e);
  }
  return { onText, onFields };
}

function initialState(url: UrlSearch, textMode: boolean, scopes: string[]): EditorState {
  if (url.state === 'empty') {
    const draft = emptyDraft(scopes);
    return {
      mode: textMode ? 'text' : 'builder',
      draft,
      text: '',
      fieldErrors: {},
      textErrors: [],
    };
  }
  const draft = draftFromInput(url.input);
  if (url.state === 'ok') {
    return {
      mode: textMode ? 'text' : 'builder',
      draft,
      text: textOf(draft),
      fieldErrors: {},
      textErrors: [],
    };
  }
  if (url.syntaxErrors.length > 0 || textMode) {
    const parsed = parseFilter(url.text, { scopes: url.input.scopes });
    const { onText, onFields } = parsed.ok
      ? splitErrors(url.errors, parsed.spans)
      : { onText: url.syntaxErrors, onFields: url.errors };
    const fieldErrors = placeErrors(onFields, identityPaths(draft.groups));
    return { mode: 'text', draft, text: url.text, fieldErrors, textErrors: onText };
  }
  const fieldErrors = placeErrors(url.errors, identityPaths(draft.groups));
  return { mode: 'builder', draft, text: url.text, fieldErrors, textErrors: [] };
}

/**
 * The query editor's state: the builder's draft, the text mode's text, and the errors of the
 * last attempt to run, each next to its field or token. `run` gets a validated query.
 */
export function useQueryEditor(
  url: UrlSearch,
  textMode: boolean,
  onRun: (query: SearchQuery, mode: EditorMode) => void,
) {
  const [state, setState] = useState<EditorState>(() => initialState(url, textMode, []));
  const { draft, mode } = state;

  const setDraft = (next: Draft) => {
    setState((s) => ({ ...s, draft: next }));
  };
  const setText = (text: string) => {
    setState((s) => ({ ...s, text }));
  };

  /** Text → the draft's conditions (and type/name, if the text carries them). */
  function readText():
    | { draft: Draft; spans: Parameters<typeof spanAtPath>[0]; notice?: string }
    | FilterSyntaxError[] {
    const parsed = parseFilter(state.text, { scopes: draft.scopes });
    if (!parsed.ok) return parsed.errors;
    const lifted = parsed.query.didType !== undefined || parsed.query.name !== undefined;
    const input: SearchQueryInput = {
      scopes: draft.scopes,
      groups: parsed.query.groups,
      didType: parsed.query.didType ?? (draft.didType || undefined),
      name: parsed.query.name ?? draft.name,
    };
    const next = { ...draftFromInput(input), scopes: draft.scopes, cone: draft.cone };
    return {
      draft: next,
      spans: parsed.spans,
      ...(lifted && { notice: 'type= and name= went into the DID type and name pattern fields.' }),
    };
  }

  function switchMode(to: EditorMode) {
    if (to === mode) return;
    if (to === 'text') {
      setState((s) => ({
        ...s,
        mode: 'text',
        text: textOf(s.draft),
        textErrors: [],
        notice: undefined,
      }));
      return;
    }
    const read = readText();
    if (Array.isArray(read)) {
      setState((s) => ({ ...s, textErrors: read }));
      return;
    }
    setState((s) => ({
      ...s,
      mode: 'builder',
      draft: read.draft,
      textErrors: [],
      fieldErrors: {},
      notice: read.notice,
    }));
  }

  function run() {
    if (mode === 'builder') {
      const { input, paths, coneErrors } = draftToInput(draft);
      const checked = validateQuery(input);
      if (!checked.ok || coneErrors.length > 0) {
        const errors = checked.ok ? [] : checked.errors;
        setState((s) => ({ ...s, fieldErrors: placeErrors(errors, paths, coneErrors) }));
        return;
      }
      setState((s) => ({ ...s, fieldErrors: {} }));
      onRun(checked.query, mode);
      return;
    }
    const read = readText();
    if (Array.isArray(read)) {
      setState((s) => ({ ...s, textErrors: read, fieldErrors: {} }));
      return;
    }
    const { input, coneErrors } = draftToInput(read.draft);
    const checked = validateQuery(input);
    if (!checked.ok || coneErrors.length > 0) {
      const { onText, onFields } = splitErrors(checked.ok ? [] : checked.errors, read.spans);
      const fieldErrors = placeErrors(onFields, identityPaths(read.draft.groups), coneErrors);
      setState((s) => ({
        ...s,
        draft: read.draft,
        textErrors: onText,
        fieldErrors,
        notice: read.notice,
      }));
      return;
    }
    setState((s) => ({
      ...s,
      draft: read.draft,
      textErrors: [],
      fieldErrors: {},
      notice: read.notice,
    }));
    onRun(checked.query, mode);
  }

  return { ...state, setDraft, setText, switchMode, run };
}
