/** Small PostgreSQL admin operations over the `pg` client. */
import pg from 'pg';

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function canConnect(url: string): Promise<boolean> {
  try {
    await withClient(url, (c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

export async function databaseExists(maintenanceUrl: string, name: string): Promise<boolean> {
  return withClient(maintenanceUrl, async (c) => {
    const res = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return res.rowCount === 1;
  });
}

/** Returns true when it had to create the database. */
export async function createDatabaseIfMissing(maintenanceUrl: string, name: string) {
  if (await databaseExists(maintenanceUrl, name)) return false;
  await withClient(maintenanceUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  return true;
}

/** WITH (FORCE) ends leftover sessions (PostgreSQL >= 13). */
export async function dropDatabase(maintenanceUrl: string, name: string): Promise<void> {
  await withClient(maintenanceUrl, (c) =>
    c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

/** Whether Rucio's schema was built (alembic stamped) in this database. */
export async function alembicRevision(url: string): Promise<string | undefined> {
  return withClient(url, async (c) => {
    const exists = await c.query("SELECT to_regclass('alembic_version') AS t");
    if ((exists.rows[0] as { t: string | null } | undefined)?.t == null) return undefined;
    const res = await c.query('SELECT version_num FROM alembic_version');
    return (res.rows[0] as { version_num: string } | undefined)?.version_num;
  });
}
