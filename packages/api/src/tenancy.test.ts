import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kaoping/contracts/auth/role';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { generateDemoCity, type DemoCity } from '@kaoping/db/demo/demo-city';
import { seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { insertOffice } from '@kaoping/db/offices/office.repository';
import { acrossOffices, GLOBAL_TABLES, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { findUserByUsername, insertUser } from '@kaoping/db/users/user.repository';
import { createMigratedTestDatabase, testDatabases, type TestDatabaseHandle } from '@kaoping/db/testing/test-databases';
import { toSessionUser } from './auth/auth.service';
import { appRouter } from './root';
import type { Meta } from './trpc';
import { callerFor, createTestContext } from './testing/test-context';
import { createCaller } from './root';
import { PROVINCE_PATHS, requestDbFor } from './office-context';
import { expectedAccess } from './testing/access/all.access';
import { ALL } from './testing/access/expect';

// Tenancy (issue #14 part 3): two offices in one database with the SAME unit codes, group codes,
// periods and schemes (the demo city twice). Office B's names carry a marker, so any response to an
// office-A user that contains the marker leaks B's data. Every procedure of the router is called by
// every role of office A, with inputs naming B's ids; afterwards every row of office B must be
// byte-for-byte what it was. The authorization matrix is then run again with office B's users.

const MARK = '〔乙〕';
const NOW = new Date('2026-11-22T02:00:00.000Z');

/** The demo city cut to its first units (the seed of two full cities takes minutes on PostgreSQL). */
function smallCity(city: DemoCity, units: number): DemoCity {
  const kept = new Set(city.units.slice(0, units).map((u) => u.code));
  const keep = (code: string | null | undefined) => code === null || code === undefined || kept.has(code);
  return {
    ...city,
    units: city.units.filter((u) => kept.has(u.code) && keep(u.parentCode) && keep(u.successorCode)),
    users: city.users.filter((u) => keep(u.unitCode)),
  };
}

function markedCity(city: DemoCity): DemoCity {
  return {
    ...city,
    name: `${MARK}${city.name}`,
    groups: city.groups.map((g) => ({ ...g, name: `${MARK}${g.name}` })),
    units: city.units.map((u) => ({ ...u, name: `${MARK}${u.name}` })),
    // Sign-in names are unique across the deployment; everything else is the same city.
    users: city.users.map((u) => ({ ...u, username: `yi-${u.username}`, displayName: `${MARK}${u.displayName}` })),
  };
}

type AnyProcedure = { _def: { meta?: Meta; type: 'query' | 'mutation' | 'subscription' } };
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  return (target as (i: unknown) => Promise<unknown>)(input);
}

/** Every row of one office, table by table, hashed: what no other office's request may change. */
async function officeFingerprint(handle: TestDatabaseHandle, officeId: number): Promise<Record<string, string>> {
  const across = acrossOffices(handle.root);
  // Only this database's schema: the shared PostgreSQL test database may hold other runs' schemas.
  const tables = (await across.introspection.getTables())
    .filter((t) => handle.schema === undefined || t.schema === undefined || t.schema === handle.schema)
    .map((t) => t.name)
    .filter((t) => !GLOBAL_TABLES.has(t));
  const out: Record<string, string> = {};
  for (const table of tables.sort()) {
    const rows = await across
      .selectFrom(table as 'units')
      .selectAll()
      .where('office_id', '=', officeId)
      .execute();
    const text = JSON.stringify(
      rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))).sort(),
    );
    out[table] = `${rows.length}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  }
  return out;
}

describe.each(testDatabases)('tenancy on $name', (factory) => {
  let handle: TestDatabaseHandle;
  let officeB: number;
  const usersA = {} as Record<Role, SessionUser>;
  const usersB = {} as Record<Role, SessionUser>;
  let idsB: { unit: number; round: number; item: number; report: number; finding: number; user: number; group: number };
  let before: Record<string, string>;
  let province: number;
  let outsider: number;
  let provinceUser: SessionUser;

  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    const across = acrossOffices(handle.root);
    officeB = (
      await insertOffice(
        across,
        { code: 'yi', name: '乙市政务公开办公室', shortName: '乙市公开办', regionName: '乙市', kind: 'city', parentId: null },
        NOW.toISOString(),
      )
    ).id;
    const city = smallCity(generateDemoCity(), 40);
    await seedDemoCity(scopeToOffice(handle.root, 1), { passwordHash: 'x', now: NOW, city });
    await seedDemoCity(scopeToOffice(handle.root, officeB), { passwordHash: 'x', now: NOW, city: markedCity(city) });
    for (const role of ALL) {
      const name = { admin: 'admin', assessor: 'assessor', leader: 'leader', liaison: 'liaison' }[role];
      usersA[role] = toSessionUser((await findUserByUsername(across, name))!);
      usersB[role] = toSessionUser((await findUserByUsername(across, `yi-${name}`))!);
    }
    const firstOfB = async (
      table: 'units' | 'assessment_rounds' | 'rectification_items' | 'annual_reports' | 'findings' | 'users' | 'groups',
    ) =>
      Number(
        (await across.selectFrom(table).select('id').where('office_id', '=', officeB).orderBy('id').limit(1).executeTakeFirstOrThrow()).id,
      );
    idsB = {
      unit: await firstOfB('units'),
      round: await firstOfB('assessment_rounds'),
      item: await firstOfB('rectification_items'),
      report: await firstOfB('annual_reports'),
      finding: await firstOfB('findings'),
      user: await firstOfB('users'),
      group: await firstOfB('groups'),
    };
    // A province over both cities, and a city of another province.
    const office = (code: string, kind: 'city' | 'province', parentId: number | null) =>
      insertOffice(across, { code, name: code, shortName: code, regionName: code, kind, parentId }, NOW.toISOString());
    province = (await office('sheng', 'province', null)).id;
    outsider = (await office('waisheng-city', 'city', null)).id;
    await across.updateTable('offices').set({ parent_id: province }).where('id', 'in', [1, officeB]).execute();
    await insertUser(
      scopeToOffice(handle.root, province),
      { username: 'sheng-leader', displayName: '省公开办', passwordHash: 'x', role: 'leader', unitId: null },
      NOW.toISOString(),
    );
    provinceUser = toSessionUser((await findUserByUsername(across, 'sheng-leader'))!);
    before = await officeFingerprint(handle, officeB);
  }, 600_000);
  afterAll(() => handle.destroy());

  it('both offices hold the same codes (the seed really overlaps)', async () => {
    const across = acrossOffices(handle.root);
    const codes = async (office: number) =>
      (await across.selectFrom('units').select('code').where('office_id', '=', office).orderBy('code').execute()).map((r) => r.code);
    expect(await codes(officeB)).toEqual(await codes(1));
    expect((await codes(1)).length).toBeGreaterThan(20);
  });

  it('units.list and units.get: each office sees its own units under the same codes', async () => {
    const a = await callerFor(handle, usersA.admin, { now: () => NOW }).units.list({ year: 2026 });
    const b = await callerFor(handle, usersB.admin, { now: () => NOW }).units.list({ year: 2026 });
    const textA = JSON.stringify(a);
    const textB = JSON.stringify(b);
    expect(textA).not.toContain(MARK);
    expect(textB).toContain(MARK); // the marker is visible to its own office: the check below can fail
    expect(textA).toContain('A01');
    await expect(callerFor(handle, usersA.admin, { now: () => NOW }).units.get({ id: idsB.unit })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  // Inputs naming office B's rows under every field name procedures use for ids.
  const hostileInputs = (): unknown[] => {
    const common = { year: 2026, period: '2026Q3', periodCode: '2026Q3', version: 1, limit: 50, dryRun: false };
    const byKind = Object.entries(idsB).map(([kind, id]) => ({
      ...common,
      id,
      unitId: idsB.unit,
      unitIds: [idsB.unit],
      roundId: idsB.round,
      itemId: idsB.item,
      itemIds: [idsB.item],
      reportId: idsB.report,
      findingId: idsB.finding,
      findingIds: [idsB.finding],
      userId: idsB.user,
      groupId: idsB.group,
      kind,
    }));
    return [undefined, {}, common, ...byKind];
  };

  it('no procedure, called by any role of office A with inputs naming office B, returns or changes office B data', async () => {
    const leaks: string[] = [];
    const paths = Object.keys(procedures).sort();
    for (const path of paths) {
      // The office's administrator (widest rights) and a liaison (the unit-scoped path of services).
      const roles: Role[] = ['admin', 'liaison'];
      for (const role of roles) {
        for (const input of hostileInputs()) {
          const result = await callPath(callerFor(handle, usersA[role], { now: () => NOW }), path, input).then(
            (value) => value,
            (error: unknown) => (error instanceof TRPCError ? { error: error.message } : { error: String(error) }),
          );
          const text = JSON.stringify(result) ?? '';
          if (text.includes(MARK) || text.includes('yi-'))
            leaks.push(`${path} as ${role} with ${JSON.stringify(input)}: ${text.slice(0, 200)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await officeFingerprint(handle, officeB)).toEqual(before);
  }, 600_000);

  it('the authorization matrix holds for the users of office B too', async () => {
    const wrong: string[] = [];
    for (const [path, want] of Object.entries(expectedAccess)) {
      for (const role of ALL) {
        const user = usersB[role];
        const allowed = want === 'public' || want === 'signed-in' || want.includes(role);
        const error = await callPath(callerFor(handle, user, { now: () => NOW }), path, undefined).then(
          () => null,
          (e: unknown) => e,
        );
        const code = error instanceof TRPCError ? error.code : null;
        if (allowed ? code === 'FORBIDDEN' || code === 'UNAUTHORIZED' : code !== 'FORBIDDEN')
          wrong.push(`${path} as ${role}: ${String(code)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);

  it('anonymous calls on the root handle (as the server makes them) never run an unscoped query', async () => {
    const failures: string[] = [];
    for (const path of Object.keys(procedures).sort()) {
      const caller = createCaller(createTestContext(handle, null, { db: handle.root, now: () => NOW }).ctx);
      const input = path === 'auth.login' ? { username: 'yi-admin', password: 'wrong' } : undefined;
      const error = await callPath(caller, path, input).then(
        () => null,
        (e: unknown) => e,
      );
      if (error instanceof TRPCError && error.code === 'INTERNAL_SERVER_ERROR') failures.push(`${path}: ${String(error.cause)}`);
    }
    expect(failures).toEqual([]);
  });

  it('sign-in names stay unique across offices: office B cannot take a name of office A, and is told so', async () => {
    const b = callerFor(handle, usersB.admin, { now: () => NOW });
    await expect(
      b.users.create({ username: 'assessor2', displayName: '乙市考评员', role: 'assessor', unitId: null, phone: null }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  describe('a province account', () => {
    const provinceCaller = async (city: number | null) => {
      const db = await requestDbFor(handle.root, provinceUser, city);
      if (db === null) throw new Error('refused');
      return createCaller(createTestContext(handle, provinceUser, { db, now: () => NOW }).ctx);
    };

    it('is marked as a province account and lists the cities of its province only', async () => {
      expect(provinceUser).toMatchObject({ officeId: province, officeKind: 'province', role: 'leader' });
      const cities = await (await provinceCaller(null)).province.cities();
      expect(cities.map((c) => c.id).sort()).toEqual([1, officeB].sort());
      expect(await callerFor(handle, usersA.admin, { now: () => NOW }).province.cities()).toEqual([]);
    });

    it('reads the published overview and ranking of the city it picks, one city at a time', async () => {
      const b = await provinceCaller(officeB);
      const a = await provinceCaller(1);
      const overviewB = JSON.stringify(await b.dashboard.overview({ period: null }));
      const overviewA = JSON.stringify(await a.dashboard.overview({ period: null }));
      expect(overviewB).toContain(MARK);
      expect(overviewA).not.toContain(MARK);
      // The same figures as the city's own office sees.
      expect(await b.dashboard.ranking({ period: null, group: null })).toEqual(
        await callerFor(handle, usersB.leader, { now: () => NOW }).dashboard.ranking({ period: null, group: null }),
      );
      expect((await a.dashboard.periods()).periods.length).toBeGreaterThan(0);
      // Its own office holds no data.
      expect((await (await provinceCaller(null)).dashboard.periods()).periods).toEqual([]);
    });

    it('may not name a city outside its province, and a city account may not name another office', async () => {
      expect(await requestDbFor(handle.root, provinceUser, outsider)).toBeNull();
      expect(await requestDbFor(handle.root, provinceUser, province + 1000)).toBeNull();
      expect(await requestDbFor(handle.root, usersA.admin, officeB)).toBeNull();
      expect(await requestDbFor(handle.root, usersA.admin, 1)).not.toBeNull();
    });

    it('is refused every procedure but the published results (read-only), whatever the input', async () => {
      const refused: string[] = [];
      // Taken here: reading B's overview above may let B's own reminder catch-up write (system actions of B).
      const untouched = await officeFingerprint(handle, officeB);
      const b = await provinceCaller(officeB);
      for (const path of Object.keys(procedures).sort()) {
        if (PROVINCE_PATHS.has(path) || expectedAccess[path] === 'public') continue; // public: answered before any sign-in
        const error = await callPath(b, path, undefined).then(
          () => null,
          (e: unknown) => e,
        );
        if (!(error instanceof TRPCError && error.code === 'FORBIDDEN')) refused.push(path);
      }
      expect(refused).toEqual([]);
      expect(await officeFingerprint(handle, officeB)).toEqual(untouched);
    });
  });
});
