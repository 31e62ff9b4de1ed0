import type { SearchRow } from '@bdms/contract';
import type { ExportColumn } from './columns.ts';
import type { ExportFormatWriter } from './export-writer.ts';

/*
 * RFC 4180 CSV with a header line. Lists (tel_ids) are written as JSON text. A result that breaks
 * off ends with a line `# INCOMPLETE: <reason>` (readers that take `#` as comment skip it; others
 * show it), a complete one has no such line.
 */

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvWriter(columns: ExportColumn[]): ExportFormatWriter {
  return {
    head: () => `${columns.map((c) => cell(c.name)).join(',')}\r\n`,
    row: (row: SearchRow) => `${columns.map((c) => cell(c.value(row))).join(',')}\r\n`,
    end: () => '',
    error: ({ message }) => `# INCOMPLETE: ${message.replace(/[\r\n]+/g, ' ')}\r\n`,
  };
}
