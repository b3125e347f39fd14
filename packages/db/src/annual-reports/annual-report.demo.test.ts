import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHardRules } from '@kaoping/domain/annual-report/rules';
import { officeHandle, openSqlite, type DatabaseHandle } from '../connect';
import { seedDemoCity } from '../demo/seed-demo-city';
import { migrateToLatest } from '../migrate';
import { listLatestAcceptedReports, listReportVersionsOfYear } from './annual-report.repository';

describe('demo annual reports', () => {
  let handle: DatabaseHandle;
  let seedMs = 0;
  let summary: Awaited<ReturnType<typeof seedDemoCity>>;
  beforeAll(async () => {
    handle = officeHandle(openSqlite(':memory:'), 1);
    await migrateToLatest(handle.db);
    const started = performance.now();
    summary = await seedDemoCity(handle.db, { passwordHash: 'x', now: new Date('2026-11-22T02:00:00.000Z') });
    seedMs = performance.now() - started;
  });
  afterAll(() => handle.destroy());

  it('holds the 2024 and 2025 reports of the city: most accepted, a few late, missing and returned', async () => {
    for (const year of [2024, 2025]) {
      const versions = await listReportVersionsOfYear(handle.db, year);
      const units = new Set(versions.map((v) => v.unitId));
      expect(units.size).toBeGreaterThan(135);
      expect(units.size).toBeLessThan(155);
      const latest = [...units].map((u) => versions.filter((v) => v.unitId === u).at(-1));
      expect(latest.filter((v) => v?.status === 'accepted').length / units.size).toBeGreaterThan(0.7);
      if (year === 2025)
        for (const status of ['draft', 'submitted', 'returned'] as const)
          expect(
            latest.some((v) => v?.status === status),
            status,
          ).toBe(true);
      expect(versions.some((v) => v.versionNo === 2) || year === 2025).toBe(true);
    }
    expect(summary).toMatchObject({ annualReportsLate: expect.any(Number), annualReportsMissing: expect.any(Number) });
    expect(summary['annualReportsLate']).toBeGreaterThan(5);
    expect(summary['annualReportsMissing']).toBeGreaterThan(3);
    expect(seedMs).toBeLessThan(15_000);
  });

  it('keeps every accepted report consistent, carries 2024 into 2025, and leaves the journey unit’s 2025 report to be filed', async () => {
    const accepted2025 = await listLatestAcceptedReports(handle.db, 2025, null);
    const accepted2024 = new Map((await listLatestAcceptedReports(handle.db, 2024, null)).map((r) => [r.unitId, r]));
    for (const r of accepted2025) expect(checkHardRules({ format: 2021, cells: r.cells }), r.unitCode).toEqual([]);
    const continued = accepted2025.filter((r) => {
      const prev = accepted2024.get(r.unitId);
      return prev && prev.cells['apply.carried_out.total'] === r.cells['apply.carried_in.total'];
    });
    expect(continued.length / accepted2025.length).toBeGreaterThan(0.8);
    const a01 = await handle.db
      .selectFrom('annual_reports as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['r.year'])
      .where('u.code', '=', 'A01')
      .execute();
    expect(a01.map((r) => r.year)).toEqual([2024]);
  });
});
