import { ALL_COLUMNS, clampWidth, DEFAULT_COLUMNS, NAME_COLUMN } from './columns.ts';
import type { SortState } from './sort-rows.ts';
import { VIEW_PARAM } from './url-query.ts';

/*
 * How the result table looks, in the permalink beside the query (url-query.ts), so a reloaded or
 * shared link shows the same table. Only what differs from the defaults is written:
 *   sort=-obs_id                       descending by obs_id (no "-": ascending)
 *   cols=type,bytes,obs_id,site        the columns shown after the name, in that order
 *   widths=name:300,obs_id:150         widths in pixels
 * Catalogue columns go by their key (obs_id), the others by their id (bytes); the full id
 * (meta.obs_id) is read too. A link without these parameters opens with the defaults and the
 * user's own columns; anything unreadable is left out, widths are clamped.
 */

export interface TableView {
  sort: SortState | null;
  /** The columns shown after the name; undefined: the user's own choice (local storage). */
  columns: readonly string[] | undefined;
  /** Widths the user set, by column id (name included). */
  widths: Readonly<Record<string, number>>;
}

const META = 'meta.';
const DEFAULT_WIDTH = new Map<string, number>([
  [NAME_COLUMN.id, NAME_COLUMN.width],
  ...ALL_COLUMNS.map((c) => [c.id, c.width] as const),
]);

/** A short name is used only where it cannot be read as another column's id. */
function shortId(id: string): string {
  const key = id.slice(META.length);
  return id.startsWith(META) && !DEFAULT_WIDTH.has(key) ? key : id;
}

function longId(text: string): string | undefined {
  const id = text.trim();
  if (DEFAULT_WIDTH.has(id)) return id;
  return DEFAULT_WIDTH.has(`${META}${id}`) ? `${META}${id}` : undefined;
}

/** At most one entry per column: a longer list in a link is not ours. */
const LIST_LIMIT = DEFAULT_WIDTH.size + 1;
const listOf = (text: string): string[] => text.split(',', LIST_LIMIT);

function readSort(text: string | null): SortState | null {
  if (!text) return null;
  const descending = text.startsWith('-');
  const column = longId(descending ? text.slice(1) : text);
  return column ? { column, direction: descending ? 'descending' : 'ascending' } : null;
}

function readColumns(text: string | null): string[] | undefined {
  if (text === null) return undefined;
  // An empty list is a choice (the name alone); a list of unknown columns is not.
  if (text.trim() === '') return [];
  const columns = [...new Set(listOf(text).flatMap((name) => longId(name) ?? []))].filter(
    (id) => id !== NAME_COLUMN.id,
  );
  return columns.length > 0 ? columns : undefined;
}

function readWidths(text: string | null): Record<string, number> {
  const widths: Record<string, number> = {};
  for (const entry of listOf(text ?? '')) {
    const [name = '', px = ''] = entry.split(':');
    const id = longId(name);
    // Number('') is 0, and a width of 0 is not what anyone wrote.
    const width = px.trim() === '' ? NaN : Number(px);
    if (id && Number.isFinite(width)) widths[id] = clampWidth(width);
  }
  return widths;
}

/** The table view a URL asks for; never throws, whatever the URL holds. */
export function readView(params: URLSearchParams): TableView {
  return {
    sort: readSort(params.get(VIEW_PARAM.sort)),
    columns: readColumns(params.get(VIEW_PARAM.columns)),
    widths: readWidths(params.get(VIEW_PARAM.widths)),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * `params` with the view written into it (the view's parameters last, the query's untouched).
 * `columns` are the columns shown; widths of hidden columns are not written.
 */
export function writeView(
  params: URLSearchParams,
  view: { sort: SortState | null; columns: readonly string[]; widths: TableView['widths'] },
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of Object.values(VIEW_PARAM)) next.delete(name);
  const { sort, columns, widths } = view;
  if (sort) {
    next.set(
      VIEW_PARAM.sort,
      `${sort.direction === 'descending' ? '-' : ''}${shortId(sort.column)}`,
    );
  }
  if (!sameList(columns, DEFAULT_COLUMNS)) {
    next.set(VIEW_PARAM.columns, columns.map(shortId).join(','));
  }
  const sized = [NAME_COLUMN.id, ...columns].flatMap((id) => {
    const width = widths[id];
    return width === undefined || width === DEFAULT_WIDTH.get(id)
      ? []
      : [`${shortId(id)}:${String(clampWidth(width))}`];
  });
  if (sized.length > 0) next.set(VIEW_PARAM.widths, sized.join(','));
  return next;
}
