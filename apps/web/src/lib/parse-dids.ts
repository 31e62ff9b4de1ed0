/** A DID as the request names it. */
export interface DidRef {
  scope: string;
  name: string;
}

export interface ParsedDids {
  dids: DidRef[];
  /** One message per line that is not `scope:name`, naming the line. */
  errors: string[];
}

/** The most DIDs one request may name (the BFF's limit too). */
export const MAX_DIDS = 100;

const SCOPE = /^[A-Za-z0-9_.-]{1,25}$/;

/**
 * One DID per line as `scope:name` (Rucio's own form; blank lines and surrounding spaces are
 * ignored, a DID named twice counts once). Every bad line is reported with its number.
 */
export function parseDids(text: string): ParsedDids {
  const dids: DidRef[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const colon = line.indexOf(':');
    const scope = line.slice(0, colon);
    const name = line.slice(colon + 1);
    if (colon < 1 || !name || !SCOPE.test(scope) || /\s/.test(name))
      errors.push(
        `Line ${String(i + 1)}: "${line}" is not scope:name (e.g. acada:/ctao/acada/DL0/…)`,
      );
    else if (!seen.has(line)) {
      seen.add(line);
      dids.push({ scope, name });
    }
  });
  if (dids.length > MAX_DIDS)
    errors.push(`${String(dids.length)} DIDs: one request takes at most ${String(MAX_DIDS)}.`);
  return { dids, errors };
}

/** The `?did=scope:name` parameters a page links here with. */
export const didsFromSearch = (params: URLSearchParams): string => params.getAll('did').join('\n');
