import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublishedRounds } from '../dashboard/dashboard.repository';
import { listOffices } from '../offices/office.repository';
import { acrossOffices, scopeToOffice } from '../offices/office-scope';
import { listPublishedUnitResults } from '../read-models/published-read-models';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '../testing/test-databases';
import { findUserByUsername } from '../users/user.repository';
import { prepareNextYear, seedProvince, type SeededProvince } from './seed-province';

const NOW = new Date('2026-12-07T02:00:00.000Z');
const QUARTERS = ['2026Q1', '2026Q2', '2026Q3'];
const CITIES = [
  { code: 'nanjing', name: '南京市', counties: ['玄武区', '秦淮区', '建邺区'], units: 50 },
  { code: 'suqian', name: '宿迁市', counties: ['宿城区', '宿豫区'], units: 45 },
];

describe.each(testDatabases)('generated province on $name', (factory) => {
  let handle: TestDatabaseHandle;
  let seeded: SeededProvince;

  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    seeded = await seedProvince(handle.root, { passwordHash: 'x', now: NOW, cities: CITIES, quarters: QUARTERS, indicators: 4 });
  }, 120_000);
  afterAll(() => handle.destroy());

  it('creates the province and its cities (the empty first office becomes the first city)', async () => {
    const offices = await listOffices(acrossOffices(handle.root));
    const province = offices.find((o) => o.id === seeded.provinceId);
    expect(province).toMatchObject({ kind: 'province', parentId: null, name: '江苏省政务公开办公室' });
    const cities = offices.filter((o) => o.kind === 'city');
    expect(cities.map((o) => [o.code, o.name, o.parentId])).toEqual([
      ['nanjing', '南京市政务公开办公室', seeded.provinceId],
      ['suqian', '宿迁市政务公开办公室', seeded.provinceId],
    ]);
    expect(seeded.cities.map((c) => c.officeId)).toEqual(cities.map((c) => c.id));
    expect(seeded.cities[0]?.officeId).toBe(1);
  });

  it('puts each city’s units in its own office only, under the same codes', async () => {
    const across = acrossOffices(handle.root);
    const rows = await across.selectFrom('units').select(['office_id', 'code', 'name']).orderBy('office_id').orderBy('code').execute();
    const [nanjing, suqian] = seeded.cities;
    const of = (id: number | undefined) => rows.filter((r) => Number(r.office_id) === id);
    expect(of(nanjing?.officeId)).toHaveLength(50);
    expect(of(suqian?.officeId)).toHaveLength(45);
    expect(of(seeded.provinceId)).toHaveLength(0);
    expect(of(nanjing?.officeId).every((r) => !r.name.startsWith('宿迁') && !r.name.startsWith('宿城') && !r.name.startsWith('宿豫'))).toBe(
      true,
    );
    expect(of(suqian?.officeId).every((r) => !r.name.startsWith('南京') && !/^(玄武|秦淮|建邺)/.test(r.name))).toBe(true);
    // Both cities number their units alike: the office, not the code, keeps them apart.
    expect(of(suqian?.officeId).some((r) => r.code === 'A01')).toBe(true);
    expect(of(nanjing?.officeId).some((r) => r.code === 'A01')).toBe(true);
  });

  it('publishes every quarter of every city with its read models, each office’s rows naming only its units', async () => {
    for (const city of seeded.cities) {
      const db = scopeToOffice(handle.root, city.officeId);
      const rounds = await listPublishedRounds(db);
      expect(rounds.map((r) => [r.period, r.status])).toEqual(QUARTERS.map((q) => [q, 'published']));
      const results = await listPublishedUnitResults(
        db,
        rounds.map((r) => r.publicationId),
      );
      expect(results).toHaveLength(city.units * QUARTERS.length);
      const ownIds = new Set((await db.selectFrom('units').select('id').execute()).map((u) => Number(u.id)));
      expect(results.every((r) => r.unitId !== null && ownIds.has(r.unitId))).toBe(true);
      expect(results.filter((r) => r.period === '2026Q3' && r.rank === 1).length).toBeGreaterThan(0);
      // Movement is against the previous quarter's publication.
      expect(results.some((r) => r.period === '2026Q2' && r.previousRank !== null)).toBe(true);
      expect(results.every((r) => r.period !== '2026Q1' || r.previousRank === null)).toBe(true);
      const groups = await db.selectFrom('published_group_stats').select(['publication_id']).execute();
      expect(new Set(groups.map((g) => Number(g.publication_id)))).toEqual(new Set(rounds.map((r) => r.publicationId)));
    }
    const across = acrossOffices(handle.root);
    const total = await across
      .selectFrom('published_unit_results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe((50 + 45) * QUARTERS.length);
  });

  it('gives each city an admin and the province a leader, each in its office', async () => {
    const across = acrossOffices(handle.root);
    const leader = await findUserByUsername(across, seeded.leaderUsername);
    expect(leader).toMatchObject({ role: 'leader', officeId: seeded.provinceId, officeKind: 'province' });
    for (const city of seeded.cities) {
      expect(await findUserByUsername(across, city.adminUsername)).toMatchObject({ role: 'admin', officeId: city.officeId });
    }
  });

  it('gets a city ready for the next year: groups, memberships, scheme and the first quarter', async () => {
    const city = seeded.cities[1];
    if (!city) throw new Error('no second city');
    const db = scopeToOffice(handle.root, city.officeId);
    expect(await prepareNextYear(db, { code: city.code, name: city.name }, 2027, NOW, 4)).toBe('2027Q1');
    const members = await db.selectFrom('unit_groups').select('unit_id').where('year', '=', 2027).execute();
    expect(members).toHaveLength(45);
    expect(await db.selectFrom('schemes').select('code').where('year', '=', 2027).execute()).toEqual([{ code: 'SUQIAN-2027' }]);
    expect(await db.selectFrom('periods').select('code').where('code', '=', '2027Q1').execute()).toHaveLength(1);
    const other = scopeToOffice(handle.root, seeded.cities[0]?.officeId ?? 0);
    expect(await other.selectFrom('unit_groups').select('unit_id').where('year', '=', 2027).execute()).toHaveLength(0);
  });
});
