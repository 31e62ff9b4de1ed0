import type { Logger } from 'pino';

/**
 * Writes an audit row for a change that stays made whether or not the row is written (a user's
 * own saved searches and basket change nothing in Rucio): a failed write is logged with the row,
 * never thrown, like sign-in and sign-out.
 */
export async function recordBestEffort<E extends { action: string }>(
  audit: { record(entry: E): Promise<unknown> },
  logger: Logger,
  row: E,
): Promise<void> {
  try {
    await audit.record(row);
  } catch (err) {
    logger.error({ err, audit: row }, `audit: the ${row.action} row could not be written`);
  }
}
