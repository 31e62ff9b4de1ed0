import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.ts';
import { start } from '../../src/main.ts';
import { START_ENV } from '../unit/start-env.ts';
import { scratchDb, TEST_DATABASE_URL } from './scratch-db.ts';

const scratch = scratchDb();
afterAll(async () => {
  await scratch.drop();
});

describe('start() with the real database', () => {
  it('when started on port 0, then it migrates before serving, and stop() closes the port', async () => {
    const running = await start({
      ...START_ENV,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: scratch.schema,
    });
    const { rows } = await sql<{ name: string }>`
      select name from ${sql.id(scratch.schema, 'kysely_migration')} order by name`.execute(
      scratch.db,
    );
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    const res = await fetch(`${running.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    await running.stop();
    await expect(fetch(`${running.url}/api/openapi.json`)).rejects.toThrow();
  });
});
