import { useLocalStorage } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ALL_COLUMNS, clampWidth, DEFAULT_COLUMNS } from '../utils/columns.ts';
import { nextSort, type SortState } from '../utils/sort-rows.ts';
import { readView, writeView } from '../utils/url-view.ts';

/** A drag resizes many times a second; the URL (and the browser's history) gets the last one. */
const URL_DELAY_MS = 250;
const KNOWN = new Set(ALL_COLUMNS.map((c) => c.id));

export interface TableViewState {
  sort: SortState | null;
  /** Header click: ascending → descending → unsorted. */
  toggleSort: (column: string) => void;
  /** The columns shown after the name. */
  columns: readonly string[];
  chooseColumns: (ids: string[]) => void;
  widths: Readonly<Record<string, number>>;
  resize: (id: string, width: number) => void;
}

/**
 * The result table's sort, columns and widths: first from the permalink (url-view.ts), the columns
 * otherwise from the user's last choice, kept in local storage. Every change is written back to
 * the URL in place (no history entry), so the address bar is always the permalink of the table
 * on screen. Mounted once per search (search-page.tsx keys the results by the search), the state
 * is read from the URL once and only written afterwards.
 */
export function useTableView(): TableViewState {
  const [params, setParams] = useSearchParams();
  const [initial] = useState(() => readView(params));
  const [preferred, setPreferred] = useLocalStorage<string[]>({
    key: 'bdms.search.columns',
    defaultValue: [...DEFAULT_COLUMNS],
  });
  const [sort, setSort] = useState(initial.sort);
  const [chosen, setChosen] = useState(initial.columns);
  const [widths, setWidths] = useState(initial.widths);
  // Local storage may hold a column a later version dropped.
  const columns = useMemo(
    () => (chosen ?? preferred).filter((id) => KNOWN.has(id)),
    [chosen, preferred],
  );

  useEffect(() => {
    const wanted = writeView(params, { sort, columns, widths });
    if (wanted.toString() === params.toString()) return undefined;
    const timer = setTimeout(() => {
      setParams(wanted, { replace: true, preventScrollReset: true });
    }, URL_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [params, setParams, sort, columns, widths]);

  const toggleSort = useCallback((column: string) => {
    setSort((s) => nextSort(s, column));
  }, []);
  const chooseColumns = useCallback(
    (ids: string[]) => {
      setChosen(ids);
      setPreferred(ids);
    },
    [setPreferred],
  );
  const resize = useCallback((id: string, width: number) => {
    setWidths((w) => ({ ...w, [id]: clampWidth(width) }));
  }, []);
  return { sort, toggleSort, columns, chooseColumns, widths, resize };
}
