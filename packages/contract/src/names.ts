import { z } from 'zod';

/*
 * Written as patterns (not refinements) so the OpenAPI document says exactly what is refused and
 * fuzzers generate inputs on the right side of the line. `(?!\.{1,2}$)`: `.` and `..` are path
 * segments, not names — sent on, a URL parser would resolve them away.
 */

/** A Rucio scope: letters, digits, `_ . -`, at most 25 characters (Rucio's own rule). */
export const ScopeName = z
  .string()
  .regex(/^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,25}$/, {
    message: 'is not a Rucio scope name (letters, digits, _ . -, at most 25, not . or ..)',
  })
  .meta({ id: 'ScopeName', description: 'A Rucio scope, e.g. acada' });

/**
 * A DID name: CTAO names are slash paths (/ctao/acada/DL0/...), sent as one encoded segment.
 * Printable ASCII only: Rucio repeats an unknown name in a response header, and a name outside
 * Latin-1 there makes its WSGI server drop the answer (seen with gunicorn). No `%`: Rucio decodes
 * a DID path's escapes once more (`/x%41y` is looked up as `/xAy`), and no naming policy allows it.
 */
export const DidName = z
  .string()
  .regex(/^(?!\.{1,2}$)[\x20-\x24\x26-\x7e]{1,500}$/, {
    message: 'is not a DID name (1 to 500 printable ASCII characters other than %, not . or ..)',
  })
  .meta({ id: 'DidName', description: 'A DID name, e.g. /ctao/acada/DL0/...' });

export const DidParams = z.object({ scope: ScopeName, name: DidName });
