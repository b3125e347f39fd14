import { parsePeriod, periodDateRange } from '@kaoping/domain/period/period';
import type { Db } from '../connect';
import { insertAuditEntry } from '../audit/audit.repository';
import { insertGroup, setUnitGroup } from '../org/group.repository';
import { insertPeriod } from '../org/period.repository';
import { insertUnit, updateUnit } from '../units/unit.repository';
import { insertUser } from '../users/user.repository';
import { generateDemoCity, type DemoCity } from './demo-city';
import { seedDemoRectification } from './seed-demo-rectification';
import { updateOfficeDetails } from '../offices/office.repository';
import { seedDemoAssessment } from '../assessment/seed-demo-assessment';
import { seedAnnualReportDemo } from '../annual-reports/annual-report.demo';

export interface SeedSummary {
  units: number;
  users: number;
  groups: number;
  periods: number;
  [area: string]: number;
}

/** What an area's demo seeder gets: the transaction, the clock and the registry just written. */
export interface DemoSeedContext {
  trx: Db;
  now: Date;
  city: DemoCity;
  unitIds: ReadonlyMap<string, number>;
  /** Keyed `${year}:${groupCode}`, e.g. `2026:B1`. */
  groupIds: ReadonlyMap<string, number>;
  /** Keyed by username. */
  userIds: ReadonlyMap<string, number>;
}

/**
 * Area seeders run in order after the registry, inside the same transaction. Each returns
 * counts for the summary. Add one line per area (reports, assessment, rectification…).
 */
const areaSeeders: ((ctx: DemoSeedContext) => Promise<Record<string, number>>)[] = [
  seedAnnualReportDemo,
  seedDemoAssessment,
  // Keep last: the ledger is issued from the published rounds' findings.
  seedDemoRectification,
];

/** True when the database already holds units (the seed never runs twice on the same data). */
export async function hasAnyUnits(db: Db): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Loads the demo city in one transaction. `passwordHash` is computed once by the caller
 * (argon2 lives in the api package) and shared by all demo accounts.
 */
export async function seedDemoCity(db: Db, options: { passwordHash: string; now: Date; city?: DemoCity }): Promise<SeedSummary> {
  const city = options.city ?? generateDemoCity();
  const at = options.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const groupIds = new Map<string, number>();
    for (const year of city.years) {
      for (const g of city.groups) groupIds.set(`${year}:${g.code}`, await insertGroup(trx, { year, ...g }));
    }
    const unitIds = new Map<string, number>();
    for (const u of city.units) {
      const parentId = u.parentCode === null ? null : (unitIds.get(u.parentCode) ?? null);
      const unit = await insertUnit(
        trx,
        { code: u.code, name: u.name, kind: u.kind, parentId, tags: u.tags, validFrom: u.validFrom, note: '' },
        at,
      );
      unitIds.set(u.code, unit.id);
      for (const year of city.years) {
        if (u.validTo && u.validTo < `${year}-01-01`) continue;
        const groupId = groupIds.get(`${year}:${u.group}`);
        if (groupId !== undefined) await setUnitGroup(trx, unit.id, year, groupId);
      }
    }
    for (const u of city.units) {
      if (!u.validTo) continue;
      const id = unitIds.get(u.code);
      if (id === undefined) continue;
      await updateUnit(
        trx,
        id,
        1,
        { validTo: u.validTo, successorId: u.successorCode ? (unitIds.get(u.successorCode) ?? null) : null, note: '机构改革:并入数据局' },
        at,
      );
    }
    const userIds = new Map<string, number>();
    for (const user of city.users) {
      const id = await insertUser(
        trx,
        {
          username: user.username,
          displayName: user.displayName,
          passwordHash: options.passwordHash,
          role: user.role,
          unitId: user.unitCode ? (unitIds.get(user.unitCode) ?? null) : null,
        },
        at,
      );
      userIds.set(user.username, id);
    }
    for (const p of city.periods) {
      const period = parsePeriod(p.code);
      if (!period) continue;
      const { start, end } = periodDateRange(period);
      await insertPeriod(
        trx,
        { code: period.code, kind: period.kind, year: period.year, startDate: start, endDate: end, status: p.status },
        at,
      );
    }
    const summary: SeedSummary = {
      units: city.units.length,
      users: city.users.length,
      groups: city.groups.length * city.years.length,
      periods: city.periods.length,
    };
    // The demo city's office is set up, so its 机构信息 and bulletins carry the city's name.
    await updateOfficeDetails(
      trx,
      1,
      1,
      { name: `${city.name}人民政府办公室`, shortName: `${city.name}政府办`, regionName: city.name },
      at,
    );
    for (const seedArea of areaSeeders) Object.assign(summary, await seedArea({ trx, now: options.now, city, unitIds, groupIds, userIds }));
    await insertAuditEntry(trx, {
      at,
      actorId: null,
      actorName: '系统',
      action: 'demo.seed',
      entity: 'system',
      entityId: 'demo',
      unitId: null,
      before: null,
      after: { city: city.name, ...summary },
    });
    return summary;
  });
}
