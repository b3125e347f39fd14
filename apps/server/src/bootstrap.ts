import { hashPassword } from '@kaoping/api/auth/password';
import { migrateToLatest } from '@kaoping/db/migrate';
import { DEMO_PASSWORD } from '@kaoping/db/demo/demo-city';
import { hasAnyUnits, seedDemoCity, type SeedSummary } from '@kaoping/db/demo/seed-demo-city';
import type { DatabaseHandle } from '@kaoping/db/connect';

/** Migrates, then loads the demo city when the database is empty and seeding is wanted. */
export async function prepareDatabase(database: DatabaseHandle, options: { seedDemo: boolean; now: Date }): Promise<SeedSummary | null> {
  await migrateToLatest(database.db);
  if (!options.seedDemo || (await hasAnyUnits(database.db))) return null;
  return seedDemoCity(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD), now: options.now });
}
