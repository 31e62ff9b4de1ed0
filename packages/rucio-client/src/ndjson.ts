/** Marker for Python's non-standard JSON literals; a string JSON text can never contain a raw NUL. */
const SENTINEL = '\u0000py:';
const LITERALS: Record<string, number> = {
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  NaN: Number.NaN,
};

/**
 * Rucio serialises unlimited quotas as the bare literal `Infinity` (Python's json.dumps), which
 * JSON.parse rejects. Rewrite Infinity/-Infinity/NaN outside strings into sentinel strings and
 * turn them back into numbers in a reviver, so string values that merely contain "Infinity" stay
 * untouched.
 */
export function parseRucioJson(text: string): unknown {
  if (!/Infinity|NaN/.test(text)) return JSON.parse(text) as unknown;
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    const literal = ['-Infinity', 'Infinity', 'NaN'].find((l) => text.startsWith(l, i));
    if (literal) {
      out += JSON.stringify(SENTINEL + literal);
      i += literal.length - 1;
    } else out += ch;
  }
  return JSON.parse(out, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(SENTINEL)
      ? LITERALS[value.slice(SENTINEL.length)]
      : value,
  ) as unknown;
}

/**
 * Yields one parsed value per line of an `application/x-json-stream` body, as bytes arrive (so the
 * first item is available before Rucio has finished the listing). Blank lines are skipped. Leaving
 * the loop early (break) ends the body's iteration, which releases the connection.
 */
export async function* streamNdjson(body: AsyncIterable<Uint8Array>): AsyncGenerator {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (
      let newline = buffered.indexOf('\n');
      newline >= 0;
      newline = buffered.indexOf('\n', start)
    ) {
      const line = buffered.slice(start, newline).trim();
      start = newline + 1;
      if (line) yield parseRucioJson(line);
    }
    buffered = buffered.slice(start);
  }
  const rest = (buffered + decoder.decode()).trim();
  if (rest) yield parseRucioJson(rest);
}
