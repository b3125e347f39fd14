// A cheap token that changes whenever the database's contents may have changed, read before a
// computation so its result can be kept for as long as the token stays the same (issue #14: the
// overview). It never stays the same across a committed write; it may change without one (then a
// result is only computed again).
// - SQLite: rows changed through this connection (total_changes(): every write of this process,
//   whatever path) and data_version (changes when another connection, e.g. the CLI or a second
//   server process, commits).
// - PostgreSQL: the current snapshot (xmin:xmax:in-progress ids), which moves when any
//   transaction that wrote starts or ends, in any server process.
// Null when it cannot be read: then nothing is kept.
import { sql, SqliteAdapter } from 'kysely';
import type { Db } from '../connect';

export async function readDatabaseVersion(db: Db): Promise<string | null> {
  try {
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      const { rows } = await sql<{
        changes: number;
        version: number;
      }>`select total_changes() as changes, (select data_version from pragma_data_version) as version`.execute(db);
      const row = rows[0];
      return row ? `sqlite:${row.changes}:${row.version}` : null;
    }
    const { rows } = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
    return rows[0] ? `pg:${rows[0].snapshot}` : null;
  } catch {
    return null;
  }
}
