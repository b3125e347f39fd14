import { hashPassword } from '@kaoping/api/auth/password';
import { migrateToLatest } from '@kaoping/db/migrate';
import { DEMO_PASSWORD } from '@kaoping/db/demo/demo-city';
import { hasAnyUnits, seedDemoCity, type SeedSummary } from '@kaoping/db/demo/seed-demo-city';
import type { Logger } from 'pino';
import { openDatabase, type DatabaseHandle } from '@kaoping/db/connect';
import type { ServerEnv } from './env';
import { scopeToOffice } from '@kaoping/db/offices/office-scope';
import { DEPLOYMENT_OFFICE_ID } from '@kaoping/api/office-context';

/** Migrates, then loads the demo city when the database is empty and seeding is wanted. */
export async function prepareDatabase(database: DatabaseHandle, options: { seedDemo: boolean; now: Date }): Promise<SeedSummary | null> {
  await migrateToLatest(database.db);
  // The demo city is office 1's data (a fresh database has that one office).
  const db = scopeToOffice(database.db, DEPLOYMENT_OFFICE_ID);
  if (!options.seedDemo || (await hasAnyUnits(db))) return null;
  return seedDemoCity(db, { passwordHash: await hashPassword(DEMO_PASSWORD), now: options.now });
}

/** The cluster's one-off preparation (cluster-primary.ts): migrate, seed the demo into an empty database, exit. */
export async function prepareAndExit(env: ServerEnv, log: Logger): Promise<never> {
  const database = openDatabase({ databaseUrl: env.databaseUrl, sqliteFile: env.sqliteFile });
  try {
    const seeded = await prepareDatabase(database, { seedDemo: env.seedDemo, now: new Date() });
    if (seeded) log.info(seeded, '已载入演示数据:江临市');
  } catch (err) {
    log.error({ err }, 'database preparation failed');
    process.exit(1);
  } finally {
    await database.destroy();
  }
  process.exit(0);
}
