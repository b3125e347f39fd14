import { describe, expect, it } from 'vitest';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { seedDemoCity } from './seed-demo-city';

// The whole demo city, every area's seeder included, on both dialects: what `bash scripts/demo.sh` loads.
describe.each(testDatabases)('demo city seed on $name', (factory) => {
  it('loads the registry and a living ledger in one transaction', async () => {
    const handle = await createMigratedTestDatabase(factory);
    try {
      const summary = await seedDemoCity(handle.db, { passwordHash: 'not-a-real-hash', now: new Date('2026-11-22T02:00:00Z') });
      expect(summary).toMatchObject({ units: 156, users: 160 });
      const statuses = new Set((await handle.db.selectFrom('rectification_items').select('status').execute()).map((r) => r.status));
      for (const status of ['issued', 'acknowledged', 'submitted', 'closed', 'explained', 'cancelled'])
        expect(statuses, status).toContain(status);
      const carried = await handle.db.selectFrom('rectification_items').select('code').where('carried_into', 'is not', null).execute();
      expect(carried.length).toBeGreaterThan(0);
    } finally {
      await handle.destroy();
    }
  });
});
