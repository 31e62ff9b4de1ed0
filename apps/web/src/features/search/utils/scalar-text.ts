/** A metadata scalar as text; anything else (never sent by the BFF) as JSON. */
export function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return '';
    default:
      return JSON.stringify(value);
  }
}
