import type { SearchRow } from '@bdms/contract';
import type { ExportFormatWriter } from './export-writer.ts';

/** NDJSON: SearchRow lines, then the same trailer as GET /api/search ({"end"} or {"error"}). */
export const ndjsonWriter = (): ExportFormatWriter => ({
  head: () => '',
  row: (row: SearchRow) => `${JSON.stringify(row)}\n`,
  end: (count) => `${JSON.stringify({ end: { count } })}\n`,
  error: (error) => `${JSON.stringify({ error })}\n`,
});
