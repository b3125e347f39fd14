// Prepared statements kept by their SQL text (issue #14 profile: preparing the same statement on
// every query was the largest cost of a dashboard request after the socket write). Kysely's SQLite
// driver prepares each query anew; this wrapper hands it the statement prepared the first time.
// Safe because the driver runs one query at a time on its single connection and never streams
// here (a better-sqlite3 statement is busy only while iterated). SQLite re-prepares a statement
// by itself after a schema change. Texts vary with the length of `in (…)` lists, so the map is
// bounded: when full it starts over.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const MAX_STATEMENTS = 1000;

export function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      const known = statements.get(sql);
      if (known) return known;
      const statement = sqlite.prepare(sql) as unknown as SqliteStatement;
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(sql, statement);
      return statement;
    },
  };
}
