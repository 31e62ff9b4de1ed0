import { describe, expect, it, vi } from 'vitest';
import {
  chooseDatabase,
  databaseName,
  toLibpqUrl,
  toSqlAlchemyUrl,
  withDatabase,
} from './db-select.ts';
import { redact } from './postgres.ts';

const probe = (reachable: boolean) => vi.fn(() => Promise.resolve(reachable));

describe('chooseDatabase', () => {
  it('when RUCIO_DB_URL is set, then it wins and 5432 is not even probed', async () => {
    const local = probe(true);
    await expect(
      chooseDatabase({ mode: 'auto', envUrl: 'postgres://x/db', localReachable: local }),
    ).resolves.toBe('env');
    expect(local).not.toHaveBeenCalled();
  });

  it('when no URL is given and 5432 answers, then the local server is used', async () => {
    await expect(chooseDatabase({ mode: 'auto', localReachable: probe(true) })).resolves.toBe(
      'local',
    );
  });

  it('when no URL is given and 5432 is silent, then the embedded cluster is used', async () => {
    await expect(chooseDatabase({ mode: 'auto', localReachable: probe(false) })).resolves.toBe(
      'embedded',
    );
  });

  it('when DEVSTACK_DB=embedded, then embedded is forced even with a URL and a local server', async () => {
    const local = probe(true);
    await expect(
      chooseDatabase({ mode: 'embedded', envUrl: 'postgres://x/db', localReachable: local }),
    ).resolves.toBe('embedded');
    expect(local).not.toHaveBeenCalled();
  });

  it('when DEVSTACK_DB=local and nothing answers, then it fails instead of falling back', async () => {
    await expect(chooseDatabase({ mode: 'local', localReachable: probe(false) })).rejects.toThrow(
      /DEVSTACK_DB=local/,
    );
  });
});

describe('database URLs', () => {
  it('then libpq URLs become psycopg 3 SQLAlchemy URLs and back', () => {
    expect(toSqlAlchemyUrl('postgres://u:p@h:1/db')).toBe('postgresql+psycopg://u:p@h:1/db');
    expect(toSqlAlchemyUrl('postgresql+psycopg2://h/db')).toBe('postgresql+psycopg://h/db');
    expect(toLibpqUrl('postgresql+psycopg://h/db')).toBe('postgresql://h/db');
  });

  it('then another database on the same server keeps credentials and query', () => {
    expect(withDatabase('postgresql+psycopg://u:p@h:5/rucio?sslmode=disable', 'postgres')).toBe(
      'postgresql://u:p@h:5/postgres?sslmode=disable',
    );
    expect(databaseName('postgres://h/bdms_rucio')).toBe('bdms_rucio');
    expect(() => databaseName('postgres://h/')).toThrow(/no database name/);
  });

  it('then a password never reaches a log line', () => {
    expect(redact('postgresql://rucio:s3cret@h:5/db')).toBe('postgresql://rucio:***@h:5/db');
    expect(redact('postgresql://postgres@h:5/db')).toBe('postgresql://postgres@h:5/db');
  });
});
