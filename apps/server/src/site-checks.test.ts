// The site-check workers follow the offices: a city office set up while the server runs gets its
// worker (seen by its lease) without a restart; a province office gets none; stop() stops them all.
import { afterEach, describe, expect, it } from 'vitest';
import { SITE_CHECK_LEASE } from '@kaoping/api/site-check/site-check-worker';
import { findLease } from '@kaoping/db/jobs/job-lease.repository';
import { insertOffice } from '@kaoping/db/offices/office.repository';
import { acrossOffices } from '@kaoping/db/offices/office-scope';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '@kaoping/db/testing/test-databases';
import { startSiteChecks, type SiteChecks } from './site-checks';

const sqlite = testDatabases.find((f) => f.dialect === 'sqlite');
if (!sqlite) throw new Error('no SQLite test database');

async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('site-check workers per office', () => {
  let database: TestDatabaseHandle | undefined;
  let siteChecks: SiteChecks | undefined;
  afterEach(async () => {
    await siteChecks?.stop();
    await database?.destroy();
  });

  it('starts a worker for a city office added after start, none for a province office, and stops them all', async () => {
    database = await createMigratedTestDatabase(sqlite);
    const root = database.root;
    const errors: unknown[] = [];
    siteChecks = startSiteChecks(
      { ...database, db: root },
      { demoWebsites: false, onError: (e) => errors.push(e), checkOfficesEveryMs: 50, worker: { probeEveryMs: 0, pollMs: 50 } },
    );
    const leaseOf = (name: string) => findLease(root, name);
    await until(async () => (await leaseOf(SITE_CHECK_LEASE)) !== null);

    const now = new Date().toISOString();
    const province = await insertOffice(
      acrossOffices(root),
      { code: 'P9', name: '某省政务公开办', shortName: '某省', regionName: '某省', kind: 'province', parentId: null },
      now,
    );
    const city = await insertOffice(
      acrossOffices(root),
      { code: 'C9', name: '新市政务公开办', shortName: '新市', regionName: '新市', kind: 'city', parentId: province.id },
      now,
    );
    expect(await leaseOf(`${SITE_CHECK_LEASE}:${city.id}`)).toBeNull();
    await until(async () => (await leaseOf(`${SITE_CHECK_LEASE}:${city.id}`)) !== null);
    // Several listings later, still one worker per city office and none for the province.
    await new Promise((r) => setTimeout(r, 200));
    expect(await leaseOf(`${SITE_CHECK_LEASE}:${province.id}`)).toBeNull();

    await siteChecks.stop();
    siteChecks = undefined;
    // A clean stop releases every worker's lease, the later office's too.
    expect(await leaseOf(`${SITE_CHECK_LEASE}:${city.id}`)).toBeNull();
    expect(await leaseOf(SITE_CHECK_LEASE)).toBeNull();
    expect(errors).toEqual([]);
  });
});
