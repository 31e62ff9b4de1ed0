import type { FilterCondition } from './query.ts';

/*
 * The lexical side of Rucio's CLI filter grammar, as `parse_did_filter_from_string_fe`
 * (rucio/common/utils.py, Rucio 41) reads it, with the offset of every piece kept so that errors
 * can point into the text: split on `;` (OR), strip, split on `,` (AND), strip, then split each
 * term on the operators tried in the order `<= >= == != > < =`, dropping empty pieces.
 * There is no quoting: a value can never hold `, ; < > =`.
 */

/** A slice of the filter text: its characters and where they start. */
export interface Piece {
  text: string;
  start: number;
}

/** A text piece (key or value) or an operator piece of one AND term. */
export interface Token extends Piece {
  operator: boolean;
}

export interface TextSpan {
  offset: number;
  length: number;
}

export interface FilterSyntaxError extends TextSpan {
  message: string;
}

/** Where each part of a parsed condition came from, for errors found later (validation). */
export interface ConditionSpans {
  key: TextSpan;
  op: TextSpan;
  value: TextSpan;
}

/** A condition still tied to its tokens. */
export interface ParsedCondition {
  condition: FilterCondition;
  spans: ConditionSpans;
}

export const spanOf = (piece: Piece): TextSpan => ({
  offset: piece.start,
  length: piece.text.length,
});

/** `text` cut at every `separator`, each part with its offset (empty parts kept). */
export function splitPiece(piece: Piece, separator: string): Piece[] {
  const parts: Piece[] = [];
  let start = 0;
  for (const part of piece.text.split(separator)) {
    parts.push({ text: part, start: piece.start + start });
    start += part.length + separator.length;
  }
  return parts;
}

/** Python's `str.strip()` with the offset moved past the leading whitespace. */
export function stripPiece(piece: Piece): Piece {
  const lead = /^\s*/.exec(piece.text)?.[0].length ?? 0;
  return { text: piece.text.trim(), start: piece.start + lead };
}

const OPERATOR_RE = /<=|>=|==|!=|>|<|=/g;

/**
 * One AND term in tokens, like Rucio's `re.split('(<=|>=|==|!=|>|<|=)', term)` followed by
 * `filter(None, …)` and `strip()`: empty pieces vanish, whitespace-only ones stay (as '').
 */
export function tokenizeTerm(term: Piece): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  const pushText = (end: number): void => {
    if (end > cursor) {
      const piece = stripPiece({ text: term.text.slice(cursor, end), start: term.start + cursor });
      tokens.push({ ...piece, operator: false });
    }
  };
  for (const match of term.text.matchAll(OPERATOR_RE)) {
    pushText(match.index);
    tokens.push({ text: match[0], start: term.start + match.index, operator: true });
    cursor = match.index + match[0].length;
  }
  pushText(term.text.length);
  return tokens;
}

/** The OR groups of a filter text, each stripped, empty ones dropped (Rucio's `filter(None, …)`). */
export const orGroups = (text: string): Piece[] =>
  splitPiece({ text, start: 0 }, ';').filter((p) => p.text !== '');

/** The AND terms of one OR group: the group is stripped first, then cut at `,`; '' dropped. */
export const andTerms = (group: Piece): Piece[] =>
  splitPiece(stripPiece(group), ',').filter((p) => p.text !== '');
