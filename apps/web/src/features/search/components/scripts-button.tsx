import { Button } from '@mantine/core';
import { IconScript } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { SearchRow } from '@/lib/api-contract-search.ts';
import { plural } from '@/lib/format.ts';

/** The dialog is a further chunk, loaded when first opened. */
const SelectionScriptsDialog = lazy(async () => ({
  default: (await import('@/components/get-data/selection-scripts-dialog.tsx'))
    .SelectionScriptsDialog,
}));

/** Files below the rows when every row says (a file is one; a collection its length). */
function filesBelow(rows: readonly SearchRow[]): number | null {
  let n = 0;
  for (const r of rows) {
    const count = r.type === 'FILE' ? 1 : r.length;
    if (count === null) return null;
    n += count;
  }
  return n;
}

/** "Scripts for N DIDs": the selection's rows, or the whole result when none is selected. */
export function ScriptsButton({ rows, whole }: { rows: () => SearchRow[]; whole: boolean }) {
  const [open, setOpen] = useState<SearchRow[] | null>(null);
  const label = whole ? 'Scripts for all results' : 'Scripts for the selection';
  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconScript size={14} aria-hidden />}
        onClick={() => {
          setOpen(rows());
        }}
      >
        {label}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <SelectionScriptsDialog
            dids={open}
            what={
              whole ? `all ${plural(open.length, 'result')}` : plural(open.length, 'selected DID')
            }
            expectedFiles={filesBelow(open)}
            onClose={() => {
              setOpen(null);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
