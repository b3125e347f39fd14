import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { generateDemoCity, type DemoCity } from '@kaoping/db/demo/demo-city';
import { seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { insertOffice } from '@kaoping/db/offices/office.repository';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { findUserByUsername, insertUser } from '@kaoping/db/users/user.repository';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '@kaoping/db/testing/test-databases';
import { toSessionUser } from '../auth/auth.service';
import { requestDbFor } from '../office-context';
import { createCaller } from '../root';
import { callerFor, createTestContext } from '../testing/test-context';
import { medianOf, summarizeProvince } from './province-summary';

const NOW = new Date('2026-11-22T02:00:00.000Z');

/** The demo city cut to its first units, named and with its own sign-in names. */
function smallCity(prefix: string, name: string, units: number): DemoCity {
  const city = generateDemoCity();
  const kept = new Set(city.units.slice(0, units).map((u) => u.code));
  const keep = (code: string | null | undefined) => code === null || code === undefined || kept.has(code);
  return {
    ...city,
    name,
    units: city.units.filter((u) => kept.has(u.code) && keep(u.parentCode) && keep(u.successorCode)),
    users: city.users.filter((u) => keep(u.unitCode)).map((u) => ({ ...u, username: `${prefix}-${u.username}` })),
  };
}

describe('summarizeProvince', () => {
  it('counts per city and orders the grades best first; a city without the quarter has no figures', () => {
    const city = (id: number) => ({ id, name: `市${id}`, shortName: `市${id}`, regionName: `市${id}` });
    const row = (officeId: number, final: number | null, grade: string | null, isFailing = false) => ({
      officeId,
      publicationId: officeId * 10,
      final,
      rank: final === null ? null : 1,
      grade,
      isFailing,
    });
    const summary = summarizeProvince(
      '2026Q2',
      ['2026Q1', '2026Q2', '2025Q4', '2026Q2'],
      [city(1), city(2), city(3)],
      new Map([
        [1, { period: '2026Q2', publishedAt: 'a' }],
        [2, { period: '2026Q2', publishedAt: 'b' }],
      ]),
      [row(1, 95, '优秀'), row(1, 71, '合格'), row(1, 40, '不合格', true), row(1, null, null), row(2, 80, '良好'), row(2, 82, '良好')],
    );
    expect(summary.grades).toEqual(['优秀', '良好', '合格', '不合格']);
    expect(summary.periods).toEqual(['2026Q2', '2026Q1', '2025Q4']);
    expect(summary.cities[0]).toMatchObject({ period: '2026Q2', units: 4, scored: 3, ranked: 3, mean: 68.67, median: 71, failing: 1 });
    expect(summary.cities[0]?.grades).toEqual([
      { grade: '优秀', count: 1 },
      { grade: '良好', count: 0 },
      { grade: '合格', count: 1 },
      { grade: '不合格', count: 1 },
    ]);
    expect(summary.cities[1]).toMatchObject({ units: 2, mean: 81, median: 81, failing: 0 });
    expect(summary.cities[2]).toMatchObject({ period: null, units: 0, mean: null, median: null });
    expect(medianOf([1, 2, 3.5, 10])).toBe(2.75);
  });
});

describe.each(testDatabases)('province.summary on $name', (factory) => {
  let handle: TestDatabaseHandle;
  let cityB: number;
  let outsider: number;
  let province: number;
  let provinceUser: SessionUser;
  let adminA: SessionUser;

  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    const across = acrossOffices(handle.root);
    const office = async (code: string, kind: 'city' | 'province', parentId: number | null) =>
      (await insertOffice(across, { code, name: `${code}办`, shortName: code, regionName: code, kind, parentId }, NOW.toISOString())).id;
    province = await office('sheng', 'province', null);
    cityB = await office('yi', 'city', province);
    outsider = await office('wai', 'city', null);
    await across.updateTable('offices').set({ parent_id: province }).where('id', '=', 1).execute();
    await seedDemoCity(scopeToOffice(handle.root, 1), { passwordHash: 'x', now: NOW, city: smallCity('jia', '甲市', 12) });
    await seedDemoCity(scopeToOffice(handle.root, cityB), { passwordHash: 'x', now: NOW, city: smallCity('yi', '乙市', 6) });
    await seedDemoCity(scopeToOffice(handle.root, outsider), { passwordHash: 'x', now: NOW, city: smallCity('wai', '外市', 4) });
    await insertUser(
      scopeToOffice(handle.root, province),
      { username: 'sheng-leader', displayName: '省公开办', passwordHash: 'x', role: 'leader', unitId: null },
      NOW.toISOString(),
    );
    provinceUser = toSessionUser((await findUserByUsername(across, 'sheng-leader'))!);
    adminA = toSessionUser((await findUserByUsername(across, 'jia-admin'))!);
  }, 300_000);
  afterAll(() => handle.destroy());

  const provinceCaller = async (city: number | null) => {
    const db = await requestDbFor(handle.root, provinceUser, city);
    if (db === null) throw new Error('refused');
    return createCaller(createTestContext(handle, provinceUser, { db, now: () => NOW }).ctx);
  };

  it("gives each city of the province its latest quarter's figures, the same as the city's own overview", async () => {
    // Read models are built on first read: none has been read yet.
    const summary = await (await provinceCaller(null)).province.summary();
    expect(summary.cities.map((c) => c.id).sort()).toEqual([1, cityB].sort());
    for (const city of summary.cities) {
      const own = (await (await provinceCaller(city.id)).dashboard.overview({ period: null })).assessment!;
      expect(city).toMatchObject({
        period: own.period,
        units: own.totals.units,
        scored: own.totals.scored,
        ranked: own.totals.ranked,
        failing: own.totals.failing,
      });
      expect(city.units).toBeGreaterThan(0);
      expect(city.grades.reduce((s, g) => s + g.count, 0)).toBeLessThanOrEqual(city.scored);
      expect(city.mean).not.toBeNull();
    }
    expect(summary.cities.find((c) => c.id === 1)?.units).toBeGreaterThan(summary.cities.find((c) => c.id === cityB)?.units ?? 0);
    // Picking a city in the header changes nothing: the summary is the province's.
    expect(await (await provinceCaller(cityB)).province.summary()).toEqual(summary);
  });

  it('answers the quarter asked for, and a city without it has no figures', async () => {
    const caller = await provinceCaller(null);
    const latest = await caller.province.summary();
    const periods = (await (await provinceCaller(1)).dashboard.periods()).periods.map((p) => p.period);
    expect(latest.periods).toEqual(periods);
    const older = periods[1]!;
    const asked = await caller.province.summary({ period: older });
    expect(asked.period).toBe(older);
    expect(asked.cities.every((c) => c.period === older)).toBe(true);
    expect(asked).not.toEqual(latest);
    const none = await caller.province.summary({ period: '2019Q1' });
    expect(none.cities.every((c) => c.period === null && c.units === 0)).toBe(true);
  });

  it("reads the ranking page's tabs of the city it picks, as the city's own readers see them", async () => {
    const leaderB = toSessionUser((await findUserByUsername(acrossOffices(handle.root), 'yi-leader'))!);
    const own = callerFor(handle, leaderB, { now: () => NOW });
    const picked = await provinceCaller(cityB);
    expect(await picked.dashboard.crossGroup({ period: null })).toEqual(await own.dashboard.crossGroup({ period: null }));
    expect(await picked.dashboard.heatMap({ period: null, group: null })).toEqual(
      await own.dashboard.heatMap({ period: null, group: null }),
    );
    expect(await picked.dashboard.groupTrends()).toEqual(await own.dashboard.groupTrends());
    // Still nothing a reader may do beyond the published results: the lists behind the overview's figures stay refused.
    await expect(picked.dashboard.overviewList({ period: null, kind: 'failing' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('sees its own sessions in its own office (the dashboard names no city on these calls)', async () => {
    await expect((await provinceCaller(null)).users.mySessions()).resolves.toEqual(expect.any(Array));
  });

  it('gives a city account nothing', async () => {
    expect(await callerFor(handle, adminA, { now: () => NOW }).province.summary()).toEqual({
      period: null,
      periods: [],
      grades: [],
      cities: [],
    });
  });
});
