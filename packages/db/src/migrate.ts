import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connect';
import * as foundation from './migrations/2026-11-22-0001-foundation';

// Listed explicitly (not read from disk) so migrations work the same under tsx, vitest and bundlers.
// Names sort chronologically; add one line per new migration file.
const migrations: Record<string, Migration> = {
  '2026-11-22-0001-foundation': foundation,
};

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}
