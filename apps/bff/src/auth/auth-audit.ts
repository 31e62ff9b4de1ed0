import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { AuditRepo } from '../audit/audit.repo.ts';
import type { SessionUser } from './session-data.ts';

export interface AuthEvent {
  action: 'sign_in' | 'sign_out';
  user: SessionUser;
  /** req.id: always a string from our request-id middleware; pino-http types it loosely. */
  requestId: IncomingMessage['id'];
}

/**
 * Writes the sign-in/sign-out row. A failed write is logged at error level (with everything the
 * row would have held, so it can be restored from the log) and does not fail the request:
 * signing in or out changes nothing in Rucio, and refusing it whenever the database hiccups
 * would lock users out, or keep a session alive they wanted to end. Actions that change data
 * (quota changes, later) are the opposite: their row is written in the same request, and no row
 * means no change.
 */
export async function recordAuthEvent(
  audit: AuditRepo,
  logger: Logger,
  event: AuthEvent,
): Promise<void> {
  const entry = {
    actor: { sub: event.user.sub, username: event.user.username },
    action: event.action,
    result: 'ok' as const,
    requestId: typeof event.requestId === 'string' ? event.requestId : undefined,
  };
  try {
    await audit.record(entry);
  } catch (err) {
    logger.error({ err, audit: entry }, `audit: the ${event.action} row could not be written`);
  }
}
