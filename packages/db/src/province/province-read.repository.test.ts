import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity, type DemoCity } from '../demo/demo-city';
import { seedDemoCity } from '../demo/seed-demo-city';
import { insertOffice } from '../offices/office.repository';
import { acrossOffices, scopeToOffice } from '../offices/office-scope';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '../testing/test-databases';
import { listCityPublicationsWithReadModels, listCityPublishedPeriods, listCityUnitResults } from './province-read.repository';

const NOW = new Date('2026-11-22T02:00:00.000Z');

/** The demo city cut to its first units, users renamed (sign-in names are unique across offices). */
function smallCity(prefix: string, units: number): DemoCity {
  const city = generateDemoCity();
  const kept = new Set(city.units.slice(0, units).map((u) => u.code));
  const keep = (code: string | null | undefined) => code === null || code === undefined || kept.has(code);
  return {
    ...city,
    name: `${prefix}市`,
    units: city.units.filter((u) => kept.has(u.code) && keep(u.parentCode) && keep(u.successorCode)),
    users: city.users.filter((u) => keep(u.unitCode)).map((u) => ({ ...u, username: `${prefix}-${u.username}` })),
  };
}

describe.each(testDatabases)('province reads across its cities on $name', (factory) => {
  let handle: TestDatabaseHandle;
  let cityB: number;
  let outsider: number;

  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    const across = acrossOffices(handle.root);
    const office = async (code: string) =>
      (await insertOffice(across, { code, name: code, shortName: code, regionName: code, kind: 'city', parentId: null }, NOW.toISOString()))
        .id;
    cityB = await office('yi');
    outsider = await office('bing');
    await seedDemoCity(scopeToOffice(handle.root, 1), { passwordHash: 'x', now: NOW, city: smallCity('jia', 8) });
    await seedDemoCity(scopeToOffice(handle.root, cityB), { passwordHash: 'x', now: NOW, city: smallCity('yi', 8) });
    await seedDemoCity(scopeToOffice(handle.root, outsider), { passwordHash: 'x', now: NOW, city: smallCity('bing', 8) });
  }, 300_000);
  afterAll(() => handle.destroy());

  it('lists the published quarters of the named cities only, each with its publication in force', async () => {
    const periods = await listCityPublishedPeriods(handle.db, [1, cityB]);
    const offices = new Set(periods.map((p) => p.officeId));
    expect([...offices].sort()).toEqual([1, cityB].sort());
    // The same city twice: the same quarters, different publications.
    const of = (id: number) => periods.filter((p) => p.officeId === id);
    expect(of(1).map((p) => p.period)).toEqual(of(cityB).map((p) => p.period));
    expect(of(1).length).toBeGreaterThan(0);
    expect(of(1).map((p) => p.period)).toEqual([...of(1).map((p) => p.period)].sort());
    const ids = new Set(periods.map((p) => p.publicationId));
    expect(ids.size).toBe(periods.length);
    // The publication in force is the round's latest: compare with office 1's own publications.
    const latest = await scopeToOffice(handle.root, 1)
      .selectFrom('assessment_publications')
      .select(['round_id'])
      .select((e) => e.fn.max('id').as('id'))
      .groupBy('round_id')
      .execute();
    const inForce = new Set(latest.map((r) => Number(r.id)));
    for (const p of of(1)) expect(inForce.has(p.publicationId)).toBe(true);
    expect(await listCityPublishedPeriods(handle.db, [])).toEqual([]);
  });

  it("reads the unit rows of each city's publication, never another city's rows under the same publication id", async () => {
    const periods = await listCityPublishedPeriods(handle.db, [1, cityB, outsider]);
    const pick = (id: number) => periods.filter((p) => p.officeId === id).at(-1)!;
    const a = pick(1);
    const b = pick(cityB);
    const c = pick(outsider);
    const rows = (finals: (number | null)[], pub: number, grade: (f: number | null) => string | null) =>
      finals.map((f, i) => ({
        publication_id: pub,
        round_id: 0,
        period: 'x',
        group_code: 'G',
        group_order: 0,
        row_order: i,
        unit_code: `U${i}`,
        unit_id: null,
        unit_name: `单位${i}`,
        final: f === null ? null : f * 1000,
        rank: f === null ? null : i + 1,
        rank_delta: null,
        previous_rank: null,
        grade: grade(f),
        is_quota_demoted: 0,
        is_veto_fail: 0,
        is_failing: f !== null && f < 60 ? 1 : 0,
        unscored_reason: null,
        vetoes_json: '{"codes":[],"events":[]}',
        level1_json: '[]',
      }));
    const grade = (f: number | null) => (f === null ? null : f >= 90 ? '优秀' : f >= 60 ? '合格' : '不合格');
    await scopeToOffice(handle.root, 1)
      .insertInto('published_unit_results')
      .values(rows([95.5, 70, 50.25], a.publicationId, grade))
      .execute();
    await scopeToOffice(handle.root, cityB)
      .insertInto('published_unit_results')
      .values(rows([88, null], b.publicationId, grade))
      .execute();
    await scopeToOffice(handle.root, outsider)
      .insertInto('published_unit_results')
      .values(rows([10], c.publicationId, grade))
      .execute();
    await scopeToOffice(handle.root, cityB)
      .insertInto('published_group_stats')
      .values({
        publication_id: b.publicationId,
        round_id: b.roundId,
        period: b.period,
        group_code: 'G',
        group_name: 'G',
        group_order: 0,
        stats_json: '{}',
      })
      .execute();

    const read = await listCityUnitResults(handle.db, [a, b]);
    expect(read.filter((r) => r.officeId === 1).map((r) => [r.final, r.grade, r.isFailing, r.rank])).toEqual([
      [95.5, '优秀', false, 1],
      [70, '合格', false, 2],
      [50.25, '不合格', true, 3],
    ]);
    expect(read.filter((r) => r.officeId === cityB).map((r) => r.final)).toEqual([88, null]);
    expect(read.some((r) => r.officeId === outsider)).toBe(false);
    // A pick pairing a city with another city's publication reads nothing.
    expect(await listCityUnitResults(handle.db, [{ officeId: 1, publicationId: c.publicationId }])).toEqual([]);
    expect(await listCityPublicationsWithReadModels(handle.db, [a, b])).toEqual(new Set([b.publicationId]));
    expect(await listCityPublicationsWithReadModels(handle.db, [{ officeId: 1, publicationId: b.publicationId }])).toEqual(new Set());
  });
});
