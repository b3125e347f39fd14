import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, openSqlite, openWithDialect, type DatabaseHandle, type Db, type DialectName } from '../connect';
import { migrateToLatest } from '../migrate';
import { scopeToOffice } from '../offices/office-scope';

// Every repository test runs on both dialects: SQLite in memory, and PostgreSQL —
// the server at TEST_DATABASE_URL (default the local 127.0.0.1:5432/test) when reachable,
// otherwise in-process PGlite so a machine without PostgreSQL still runs the suite.

export interface TestDatabaseFactory {
  name: string;
  dialect: DialectName;
  create(): Promise<DatabaseHandle>;
}

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
let pgReachable: Promise<boolean> | undefined;

async function isPostgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createPostgres(url: string): Promise<DatabaseHandle> {
  const schema = `kp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openPostgres(url, { searchPath: schema });
  return {
    ...handle,
    destroy: async () => {
      await handle.destroy();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

async function createPglite(): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const client = new PGlite();
  // The dialect's driver closes the PGlite instance when Kysely is destroyed.
  return openWithDialect(new PGliteDialect(client), 'postgres');
}

export const postgresUrlForTests = process.env['TEST_DATABASE_URL'] ?? DEFAULT_PG_URL;

export const testDatabases: TestDatabaseFactory[] = [
  {
    name: 'sqlite',
    dialect: 'sqlite',
    create: async () => openSqlite(':memory:'),
  },
  {
    name: 'postgres',
    dialect: 'postgres',
    create: async () => {
      pgReachable ??= isPostgresReachable(postgresUrlForTests);
      return (await pgReachable) ? createPostgres(postgresUrlForTests) : createPglite();
    },
  },
];

export interface TestDatabaseHandle extends DatabaseHandle {
  /** The guarded root handle (refuses office tables): scope it or go across offices explicitly. */
  root: Db;
}

/**
 * A fresh, migrated database of the given kind. Its `db` is office 1's handle (the single office of
 * today's deployments), so repository tests read as before; `root` is the guarded root handle.
 */
export async function createMigratedTestDatabase(factory: TestDatabaseFactory): Promise<TestDatabaseHandle> {
  const handle = await factory.create();
  await migrateToLatest(handle.db, handle.schema);
  return { ...handle, root: handle.db, db: scopeToOffice(handle.db, 1) };
}
