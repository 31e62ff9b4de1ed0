/** Which PostgreSQL Rucio gets: pure decision logic, the probes are injected. */
export type DbKind = 'env' | 'local' | 'embedded';
export type DbMode = 'auto' | 'local' | 'embedded';

export interface DbChoiceInput {
  mode: DbMode;
  envUrl?: string;
  /** Only called when the answer matters (auto without RUCIO_DB_URL, or mode local). */
  localReachable: () => Promise<boolean>;
}

/**
 * Order: RUCIO_DB_URL, else a server on 127.0.0.1:5432, else a private embedded cluster.
 * DEVSTACK_DB=local|embedded forces one (the embedded path is testable on a machine with 5432).
 */
export async function chooseDatabase(input: DbChoiceInput): Promise<DbKind> {
  if (input.mode === 'embedded') return 'embedded';
  if (input.mode === 'local') {
    if (await input.localReachable()) return 'local';
    throw new Error('DEVSTACK_DB=local but no PostgreSQL answers on 127.0.0.1');
  }
  if (input.envUrl) return 'env';
  return (await input.localReachable()) ? 'local' : 'embedded';
}

/** libpq URL → SQLAlchemy URL with the psycopg 3 driver Rucio's [postgresql] extra installs. */
export function toSqlAlchemyUrl(url: string): string {
  return url.replace(/^postgres(ql)?(\+\w+)?:\/\//, 'postgresql+psycopg://');
}

/** SQLAlchemy URL → libpq URL for the `pg` npm client. */
export function toLibpqUrl(url: string): string {
  return url.replace(/^postgres(ql)?(\+\w+)?:\/\//, 'postgresql://');
}

/** The same server, another database (for CREATE/DROP DATABASE from the maintenance db). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(toLibpqUrl(url));
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(toLibpqUrl(url)).pathname.slice(1));
  if (!name) throw new Error(`no database name in ${url}`);
  return name;
}
