import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import { ImmediateSqliteDialect, SQLITE_BUSY_POLICY, type BusyPolicy } from './sqlite-immediate';
import pg from 'pg';
import type { Database } from './schema';
import { guardOffices, scopeToOffice } from './offices/office-scope';
import { PreparingClient } from './pg-prepared-statements';

export type { Kysely, Transaction } from 'kysely';
export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  /**
   * The root handle: it refuses every statement on an office table (offices/office-scope.ts). Work
   * goes through `scopeToOffice(db, officeId)`, or `acrossOffices(db)` where spanning offices is the point.
   */
  db: Db;
  dialect: DialectName;
  /** PostgreSQL schema holding the tables when not the default (tests use one schema each). */
  schema?: string;
  destroy(): Promise<void>;
}

// pg returns int8 (count(*), sums) as strings; our counts always fit a JS number.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * SQLite file with WAL and foreign keys: the embedded default. Write transactions take the write
 * lock at their start (BEGIN IMMEDIATE) and, while another process (the CLI, a second server)
 * holds it, wait without blocking the event loop, up to a bound (sqlite-immediate.ts).
 */
export function openSqlite(file: string, options: { busy?: Partial<BusyPolicy> } = {}): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = guardOffices(
    new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, { ...SQLITE_BUSY_POLICY, ...options.busy }) }),
  );
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

export function openPostgres(url: string, options: { searchPath?: string } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    Client: PreparingClient,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const db = guardOffices(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }));
  return { db, dialect: 'postgres', ...(options.searchPath ? { schema: options.searchPath } : {}), destroy: () => db.destroy() };
}

/** Kysely over an arbitrary postgres-compatible dialect (PGlite in tests). */
export function openWithDialect(dialect: Dialect, name: DialectName, onDestroy?: () => Promise<void>): DatabaseHandle {
  const db = guardOffices(new Kysely<Database>({ dialect }));
  return {
    db,
    dialect: name,
    destroy: async () => {
      await db.destroy();
      await onDestroy?.();
    },
  };
}

/** `postgres://…` selects PostgreSQL; anything else is a SQLite file path. */
export function openDatabase(config: { databaseUrl?: string | undefined; sqliteFile: string; busy?: Partial<BusyPolicy> }): DatabaseHandle {
  if (config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl)) return openPostgres(config.databaseUrl);
  return openSqlite(config.sqliteFile, config.busy ? { busy: config.busy } : {});
}

/** The same connection handed out as one office's handle (the CLI, tools and tests of a single office). */
export function officeHandle(handle: DatabaseHandle, officeId: number): DatabaseHandle {
  return { ...handle, db: scopeToOffice(handle.db, officeId) };
}
