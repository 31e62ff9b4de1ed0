import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { searchApi } from '@/lib/api-contract-search.ts';
import { toQueryParam } from '../utils/url-query.ts';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'ndjson', label: 'JSON (NDJSON)' },
  { format: 'votable', label: 'VOTable' },
] as const;

export const exportUrl = (query: SearchQuery, format: string): string =>
  `${searchApi.searchExport.path}?${new URLSearchParams({ q: toQueryParam(query), format }).toString()}`;

/** The whole result as a file, streamed by the BFF from Rucio (not the browser's copy). */
export function ExportLinks({ query }: { query: SearchQuery }) {
  return (
    <Group gap={6} role="group" aria-label="Export the whole result">
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          component="a"
          href={exportUrl(query, format)}
          download
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={`Export ${label}`}
        >
          {label}
        </Button>
      ))}
    </Group>
  );
}
