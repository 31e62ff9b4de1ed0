import {
  BULK_MAX_ROWS,
  LimitAccountName,
  LimitExpression,
  parseLimitText,
  RseName,
  type BulkLimitSource,
  type CurrentLimit,
} from '@bdms/contract';
import { AppError } from '../errors.ts';
import type { LimitRow, Problem } from './limit-snapshot.ts';

const tooMany = (count: number) =>
  new AppError(
    400,
    'bad_request',
    `Invalid body.source: ${String(count)} rows, more than ${String(BULK_MAX_ROWS)}.`,
    { details: { field: 'source' } },
  );

/** The same limit for each account on each RSE and each expression, in that order. */
function expandSame(source: Extract<BulkLimitSource, { kind: 'same' }>): LimitRow[] {
  const targets = [
    ...(source.rses ?? []).map((rse) => ({ rse, expression: null })),
    ...(source.expressions ?? []).map((expression) => ({ rse: null, expression })),
  ];
  if (targets.length === 0)
    throw new AppError(
      400,
      'bad_request',
      'Invalid body.source.rses: name at least one RSE or expression.',
      { details: { field: 'source.rses' } },
    );
  const count = source.accounts.length * targets.length;
  if (count > BULK_MAX_ROWS) throw tooMany(count);
  return source.accounts.flatMap((account, a) =>
    targets.map((t, i) => ({
      row: a * targets.length + i + 1,
      account,
      ...t,
      after: source.limit,
      problems: [],
    })),
  );
}

/** One CSV line's cells: commas separate, double quotes quote ("" is a quote). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** Rows of `account,rse,bytes` (or `account,expression,bytes` after such a header). */
export function parseCsv(csv: string): LimitRow[] {
  const rows: LimitRow[] = [];
  let global = false;
  const lines = csv.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const cells = csvCells(line);
    const [account = '', target = '', bytes = ''] = cells;
    if (account.toLowerCase() === 'account' && rows.length === 0) {
      global = target.toLowerCase() === 'expression';
      continue;
    }
    const problems: Problem[] = [];
    if (cells.length !== 3)
      problems.push({
        field: 'row',
        message: `has ${String(cells.length)} cells: write account,${global ? 'expression' : 'rse'},bytes`,
      });
    if (!LimitAccountName.safeParse(account).success)
      problems.push({
        field: 'account',
        message: `${account || '(empty)'} is not a Rucio account name`,
      });
    const targetSchema = global ? LimitExpression : RseName;
    if (!targetSchema.safeParse(target).success)
      problems.push({
        field: global ? 'expression' : 'rse',
        message: `${target || '(empty)'} is not ${global ? 'an RSE expression' : 'an RSE name'}`,
      });
    let after: CurrentLimit = null;
    if (bytes !== '') {
      const parsed = parseLimitText(bytes);
      if (parsed.ok) after = parsed.value;
      else problems.push({ field: 'limit', message: `${bytes} ${parsed.problem}` });
    }
    rows.push({
      row: index + 1,
      account,
      rse: global ? null : target,
      expression: global ? target.trim() : null,
      after,
      problems,
    });
    if (rows.length > BULK_MAX_ROWS) throw tooMany(rows.length);
  }
  if (rows.length === 0)
    throw new AppError(400, 'bad_request', 'Invalid body.source.csv: it holds no rows.', {
      details: { field: 'source.csv' },
    });
  return rows;
}

/** The rows a bulk request names, each with the problems visible without asking Rucio. */
export function bulkRows(source: BulkLimitSource): LimitRow[] {
  if (source.kind === 'same') return expandSame(source);
  if (source.kind === 'csv') return parseCsv(source.csv);
  return source.rows.map((r, i) => {
    const problems: Problem[] = [];
    if ((r.rse === undefined) === (r.expression === undefined))
      problems.push({ field: 'row', message: 'name exactly one of rse and expression' });
    return {
      row: i + 1,
      account: r.account,
      rse: r.rse ?? null,
      expression: r.rse === undefined ? (r.expression ?? null) : null,
      after: r.limit,
      problems,
    };
  });
}

/** The same account and target twice in one request: later rows would undo earlier ones. */
export function flagDuplicates(rows: LimitRow[]): void {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.account}|${r.rse ?? ''}|${r.expression ?? ''}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r.row);
    else
      r.problems.push({
        field: 'row',
        message: `repeats row ${String(first)} (same account and target)`,
      });
  }
}
