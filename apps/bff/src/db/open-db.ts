import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { createDb, describeDbError, redactUrl, type PortalDb } from './db.ts';
import { migrateToLatest } from './migrate.ts';

/**
 * The pool, with the schema migrated: the BFF does not listen before this succeeds, since
 * every write it will make (audit first) needs the current schema.
 */
export async function openDatabase(config: Config['database'], logger: Logger): Promise<PortalDb> {
  const portal = createDb({
    url: config.url,
    schema: config.schema,
    onIdleError: (err) => {
      logger.warn({ err }, 'portal database: an idle connection failed (the pool replaces it)');
    },
  });
  try {
    const applied = await migrateToLatest(portal.db, portal.schema);
    logger.info(
      { schema: portal.schema, applied },
      applied.length ? 'portal database migrated' : 'portal database schema is current',
    );
    return portal;
  } catch (error) {
    await portal.close();
    const cause = error instanceof Error && error.cause ? `: ${describeDbError(error.cause)}` : '';
    throw new Error(
      `portal database ${redactUrl(config.url)} (schema ${config.schema}): ${describeDbError(error)}${cause}`,
      { cause: error },
    );
  }
}
