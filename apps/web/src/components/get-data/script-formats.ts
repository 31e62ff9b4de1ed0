/** The BFF's script and manifest formats (the contract's SCRIPT_FORMATS), as offered. */
export const SCRIPT_FORMATS = [
  { value: 'curl', label: 'curl script (verifies each file)' },
  { value: 'wget', label: 'wget script (verifies each file)' },
  { value: 'rucio', label: 'rucio download script (verifies each file)' },
  { value: 'metalink', label: 'Metalink 4 (.meta4)' },
  { value: 'csv', label: 'Manifest, CSV' },
  { value: 'json', label: 'Manifest, JSON lines' },
] as const;

export type ScriptFormat = (typeof SCRIPT_FORMATS)[number]['value'];

export const isScriptFormat = (v: string | null): v is ScriptFormat =>
  SCRIPT_FORMATS.some((f) => f.value === v);

/** Which line of a format's output is one file (counted as the script streams in). */
export function fileLine(format: ScriptFormat): (line: string) => boolean {
  switch (format) {
    case 'curl':
    case 'wget':
      return (l) => l.startsWith('fetch ');
    case 'metalink':
      return (l) => l.trimStart().startsWith('<file ');
    case 'csv':
      return (l) => l !== '' && !l.startsWith('#') && !l.startsWith('scope,name,');
    case 'json':
      return (l) => l.startsWith('{');
    case 'rucio':
      return (l) => l.startsWith('verify ');
  }
}
