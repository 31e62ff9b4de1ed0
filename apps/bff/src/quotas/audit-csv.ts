import type { Request, Response } from 'express';
import { QUOTA_AUDIT_CSV_COLUMNS, type QuotaAuditEntry, type QuotaAuditPage } from '@bdms/contract';
import { clientGone, drainedOrClosed } from '../http/ndjson-pipe.ts';

/** A CSV cell: quoted when it holds a comma, quote or line break; formulas defused for spreadsheets. */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const limitCell = (limit: QuotaAuditEntry['before']): string =>
  limit === null ? '' : limit === 'unlimited' ? 'unlimited' : String(limit);

export function auditCsvLine(e: QuotaAuditEntry): string {
  const cells: Record<(typeof QUOTA_AUDIT_CSV_COLUMNS)[number], string | null> = {
    at: e.at,
    actor_username: e.actor.username,
    actor_account: e.actor.account,
    action: e.action,
    kind: e.kind,
    account: e.account,
    rse: e.rse,
    expression: e.expression,
    resolved_rses: e.resolvedRses.join(' '),
    before: limitCell(e.before),
    after: limitCell(e.after),
    result: e.result,
    message: e.message,
    request_id: e.requestId,
    batch_id: e.batchId,
  };
  return `${QUOTA_AUDIT_CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',')}\r\n`;
}

/**
 * The audit trail as CSV, a page at a time (constant memory), waiting for the socket to drain.
 * A failure after the header ends the file with a `# incomplete` line instead of a short file
 * that looks whole.
 */
export async function streamAuditCsv(
  req: Request,
  res: Response,
  page: (cursor: string | undefined) => Promise<QuotaAuditPage>,
): Promise<void> {
  const signal = clientGone(res);
  let next = await page(undefined);
  const day = new Date().toISOString().slice(0, 10);
  res.status(200).set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="quota-audit-${day}.csv"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  const write = async (text: string) => {
    if (!res.write(text)) await drainedOrClosed(res);
  };
  try {
    await write(`${QUOTA_AUDIT_CSV_COLUMNS.join(',')}\r\n`);
    for (;;) {
      if (signal.aborted) break;
      await write(next.entries.map(auditCsvLine).join(''));
      if (next.nextCursor === null) break;
      next = await page(next.nextCursor);
    }
  } catch (error) {
    req.log.error({ err: error }, 'the quota audit export broke after it started');
    await write('# incomplete: the export failed part-way; download it again\r\n').catch(
      () => undefined,
    );
  } finally {
    res.end();
  }
}
