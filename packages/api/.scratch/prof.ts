import { openSqlite } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { seedBenchCity } from '@kaoping/db/dashboard/seed-bench-city';
import { listRectificationTimeline } from '@kaoping/db/dashboard/dashboard.repository';
import { listExpectedReportUnits } from '@kaoping/db/annual-reports/annual-report.repository';
import { reportTimelinessOf, rectificationSummaryOf } from '../src/dashboard/dashboard-side-figures';
const database = openSqlite(':memory:');
await migrateToLatest(database.db);
await seedBenchCity(database.db, { rankingUnits: 3000, heatMapUnits: 300, indicators: 12, rectificationItems: 2000, passwordHash: 'x', now: new Date() });
const t = async (name: string, f: () => Promise<unknown> | unknown) => { const s = performance.now(); await f(); console.log(name, (performance.now() - s).toFixed(1), 'ms'); };
for (let i = 0; i < 3; i++) {
  await t('expected', () => listExpectedReportUnits(database.db, 2025));
  await t('timeliness', () => reportTimelinessOf(database.db, 2025, new Date()));
  const items = await listRectificationTimeline(database.db, { unitId: null, groupId: null });
  await t('timeline', () => listRectificationTimeline(database.db, { unitId: null, groupId: null }));
  await t('summary', () => rectificationSummaryOf(items, '2026-11-22'));
}
