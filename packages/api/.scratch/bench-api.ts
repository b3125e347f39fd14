import { openSqlite } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { seedBenchCity } from '@kaoping/db/dashboard/seed-bench-city';
import { listPublishedRounds } from '@kaoping/db/dashboard/dashboard.repository';
import { mapUnitIdsByCode } from '@kaoping/db/dashboard/dashboard.repository';
import { createCaller } from '../src/root';
import { LoginRateLimiter } from '../src/auth/login-rate-limiter';
const database = openSqlite(':memory:');
await migrateToLatest(database.db);
let s = performance.now();
await seedBenchCity(database.db, { rankingUnits: 3000, heatMapUnits: 300, indicators: 12, rectificationItems: 2000, passwordHash: 'x', now: new Date() });
console.log('seed', (performance.now() - s).toFixed(0));
const user = { id: 1, username: 'admin', displayName: 'a', role: 'admin' as const, unitId: null, unitName: null };
const c = createCaller({ db: database.db, dialect: database.dialect, user, sessionToken: null, clientIp: '', cookies: { set() {}, clear() {} }, loginLimiter: new LoginRateLimiter(), now: () => new Date() });
const t = async (name: string, f: () => Promise<unknown>) => { const s = performance.now(); const r = await f(); console.log(name, (performance.now() - s).toFixed(1), 'ms', JSON.stringify(r).length); };
for (let i = 0; i < 3; i++) {
  await t('rounds', () => listPublishedRounds(database.db));
  await t('unitIds', () => mapUnitIdsByCode(database.db));
  await t('ranking', () => c.dashboard.ranking({ group: 'C' }));
  await t('overview', () => c.dashboard.overview());
  await t('cross', () => c.dashboard.crossGroup());
  await t('board', () => c.dashboard.rectificationBoard());
  await t('profile', () => c.dashboard.unitProfile({ unitId: 400 }));
}
