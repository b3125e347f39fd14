// A generated province for `pnpm bench province` and `pnpm bench load --city province` (issue #14
// part 3): a province office (江苏省) and its 13 city offices, about 20,000 units in all (600–3,000 a
// city), per city four groups, a scheme per year, eight quarters (2025Q1–2026Q4) of generated scores,
// each quarter published in order (the read models written with the publication), a city admin per
// city and a province leader account. Deterministic (seeded PRNG per city). Works on SQLite and
// PostgreSQL; each city's registry and scores go in one transaction of multi-row inserts, each
// publication in its own (the app's publication opens its own transaction: pass it as `publish`).
//
// The database's first office (id 1, created by the migrations) becomes the first city when it holds
// no units yet, so a fresh database ends with exactly the province and its cities.
import { addDays } from '@kaoping/domain/calendar/china-date';
import { nextPeriod, parsePeriod, periodDateRange } from '@kaoping/domain/period/period';
import { periodLabel } from '@kaoping/domain/period/period-label';
import type { Db } from '../connect';
import { insertRound } from '../assessment/round.repository';
import { findSchemeByYear } from '../assessment/scheme.repository';
import { createRandom } from '../demo/random';
import { insertOffice } from '../offices/office.repository';
import { acrossOffices, scopeToOffice } from '../offices/office-scope';
import { insertGroup } from '../org/group.repository';
import { insertUser } from '../users/user.repository';
import {
  buildGeneratedScheme,
  generateQuarterScores,
  insertGeneratedUnits,
  insertInChunks,
  insertQuarterPeriods,
  insertRoundScores,
  publishRoundDirectly,
  storeGeneratedScheme,
} from './generated-office';
import { CITY_GROUPS, PROVINCE, PROVINCE_CITIES, cityUnits, type ProvinceCitySpec } from './province-names';

export const PROVINCE_QUARTERS = ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4'] as const;
export const PROVINCE_INDICATORS = 12;

export interface PublishingUser {
  id: number;
  username: string;
  displayName: string;
}

/**
 * Publishes one complete draft round of a city (its office-scoped handle) at `publishedAt`, as `by`
 * (the city's admin). Called once per quarter, oldest first; it opens its own transaction.
 */
export type RoundPublisher = (db: Db, round: { id: number }, publishedAt: Date, by: PublishingUser) => Promise<void>;

/** The default publisher: the publication and its read models written directly (generated-office.ts). */
export const publishDirectly: RoundPublisher = async (db, round, publishedAt, by) => {
  await db
    .transaction()
    .execute((trx) => publishRoundDirectly(trx, round.id, publishedAt.toISOString(), { id: by.id, name: by.displayName }));
};

export interface ProvinceSeedOptions {
  passwordHash: string;
  now: Date;
  /** The cities (default the 13 of 江苏省 with their generated sizes). */
  cities?: readonly ProvinceCitySpec[];
  quarters?: readonly string[];
  indicators?: number;
  publish?: RoundPublisher;
  /** Called after each city with its figures (progress of a long seed). */
  onCity?: (city: SeededCity) => void;
}

export interface SeededCity {
  officeId: number;
  code: string;
  name: string;
  units: number;
  scores: number;
  adminUsername: string;
  /** The registry, scheme, rounds and scores (one transaction). */
  insertMs: number;
  /** The quarters' publications, all of them. */
  publishMs: number;
}

export interface SeededProvince {
  provinceId: number;
  leaderUsername: string;
  cities: SeededCity[];
  units: number;
  scores: number;
  publications: number;
}

const adminUsername = (cityCode: string) => `${cityCode}-admin`;
export const provinceLeaderUsername = (provinceCode: string = PROVINCE.code) => `${provinceCode}-leader`;

function cityScheme(spec: Pick<ProvinceCitySpec, 'code' | 'name'>, year: number, groups: typeof CITY_GROUPS, indicators: number) {
  return buildGeneratedScheme({
    code: `${spec.code.toUpperCase()}-${year}`,
    title: `${spec.name}${year}年度政务公开工作考核细则`,
    year,
    groups,
    indicators,
  });
}

/** When a generated quarter is published: 15 days after it ends, or `now` if that is still to come. */
function publicationInstant(code: string, now: Date): Date {
  const period = parsePeriod(code);
  if (!period) throw new Error(`not a period: ${code}`);
  const planned = new Date(`${addDays(periodDateRange(period).end, 15)}T01:00:00.000Z`);
  return planned < now ? planned : now;
}

/** The office of a city: office 1 while it is empty (a fresh database's only office), else a new one. */
async function cityOffice(root: Db, spec: ProvinceCitySpec, provinceId: number, at: string): Promise<number> {
  const across = acrossOffices(root);
  const first = await across.selectFrom('offices').select(['id', 'kind', 'parent_id']).where('id', '=', 1).executeTakeFirst();
  const firstHasUnits = await across.selectFrom('units').select('id').where('office_id', '=', 1).limit(1).executeTakeFirst();
  const details = {
    code: spec.code,
    name: `${spec.name}政务公开办公室`,
    short_name: `${spec.name.replace(/市$/, '')}公开办`,
    region_name: spec.name,
  };
  if (first && first.kind === 'city' && first.parent_id === null && !firstHasUnits) {
    await across
      .updateTable('offices')
      .set({ ...details, parent_id: provinceId, set_up_at: at })
      .where('id', '=', 1)
      .execute();
    return 1;
  }
  const office = await insertOffice(
    across,
    { code: spec.code, name: details.name, shortName: details.short_name, regionName: spec.name, kind: 'city', parentId: provinceId },
    at,
  );
  return office.id;
}

/** Seeds one city into its office: registry, schemes, draft rounds with scores, then the quarters published in order. */
async function seedCity(
  db: Db,
  spec: ProvinceCitySpec,
  seed: number,
  options: Required<Pick<ProvinceSeedOptions, 'passwordHash' | 'now' | 'quarters' | 'indicators' | 'publish'>>,
): Promise<Omit<SeededCity, 'officeId'>> {
  const at = options.now.toISOString();
  const random = createRandom(seed);
  const units = cityUnits(spec);
  const groups = CITY_GROUPS.filter((g) => units.some((u) => u.group === g.code));
  const years = [...new Set(options.quarters.map((q) => parsePeriod(q)?.year ?? 0))].sort();
  const started = performance.now();
  const registry = await db.transaction().execute(async (trx) => {
    const { unitIds } = await insertGeneratedUnits(trx, { groups, units, years }, at);
    const short = spec.name.replace(/市$/, '');
    const admin: PublishingUser = { id: 0, username: adminUsername(spec.code), displayName: `${short}公开办管理员` };
    admin.id = await insertUser(trx, { ...admin, passwordHash: options.passwordHash, role: 'admin', unitId: null }, at);
    await insertUser(
      trx,
      {
        username: `${spec.code}-leader`,
        displayName: `${short}公开办负责人`,
        passwordHash: options.passwordHash,
        role: 'leader',
        unitId: null,
      },
      at,
    );
    await insertQuarterPeriods(trx, options.quarters, options.now);
    const schemes = new Map<number, Awaited<ReturnType<typeof storeGeneratedScheme>>>();
    for (const year of years) schemes.set(year, await storeGeneratedScheme(trx, cityScheme(spec, year, groups, options.indicators), at));
    const quality = new Map<number, number>(unitIds.map((id) => [id, 0.5 + 0.48 * Math.pow(random.next(), 0.6)]));
    const rounds: Array<{ id: number; code: string }> = [];
    let scores = 0;
    for (const code of options.quarters) {
      const period = parsePeriod(code);
      const scheme = period ? schemes.get(period.year) : undefined;
      if (!period || !scheme) throw new Error(`no scheme for ${code}`);
      const opened = `${periodDateRange(period).end}T01:00:00.000Z`;
      const round = await insertRound(
        trx,
        {
          periodCode: code,
          schemeId: scheme.record.id,
          kind: 'office',
          title: `${periodLabel(period)}政务公开测评`,
          objectionDays: 10,
          createdBy: admin.id,
        },
        opened,
      );
      const cells = generateQuarterScores(scheme.compiled, unitIds, quality, random);
      await insertRoundScores(trx, round.id, cells, opened);
      scores += cells.length;
      rounds.push({ id: round.id, code });
    }
    return { admin, rounds, scores };
  });
  const inserted = performance.now();
  for (const round of registry.rounds) await options.publish(db, round, publicationInstant(round.code, options.now), registry.admin);
  return {
    code: spec.code,
    name: spec.name,
    units: units.length,
    scores: registry.scores,
    adminUsername: registry.admin.username,
    insertMs: inserted - started,
    publishMs: performance.now() - inserted,
  };
}

/** Seeds the province into a migrated database (root handle); see the file comment. */
export async function seedProvince(root: Db, options: ProvinceSeedOptions): Promise<SeededProvince> {
  const at = options.now.toISOString();
  const specs = options.cities ?? PROVINCE_CITIES;
  const settings = {
    passwordHash: options.passwordHash,
    now: options.now,
    quarters: options.quarters ?? PROVINCE_QUARTERS,
    indicators: options.indicators ?? PROVINCE_INDICATORS,
    publish: options.publish ?? publishDirectly,
  };
  const across = acrossOffices(root);
  const province = await insertOffice(
    across,
    {
      code: PROVINCE.code,
      name: `${PROVINCE.name}政务公开办公室`,
      shortName: `${PROVINCE.shortName}省公开办`,
      regionName: PROVINCE.name,
      kind: 'province',
      parentId: null,
    },
    at,
  );
  const leaderUsername = provinceLeaderUsername();
  await insertUser(
    scopeToOffice(root, province.id),
    {
      username: leaderUsername,
      displayName: `${PROVINCE.shortName}省政务公开办`,
      passwordHash: options.passwordHash,
      role: 'leader',
      unitId: null,
    },
    at,
  );
  const cities: SeededCity[] = [];
  for (const [i, spec] of specs.entries()) {
    const officeId = await cityOffice(root, spec, province.id, at);
    const city = { officeId, ...(await seedCity(scopeToOffice(root, officeId), spec, 20250101 + i * 7919, settings)) };
    cities.push(city);
    options.onCity?.(city);
  }
  return {
    provinceId: province.id,
    leaderUsername,
    cities,
    units: cities.reduce((n, c) => n + c.units, 0),
    scores: cities.reduce((n, c) => n + c.scores, 0),
    publications: cities.length * settings.quarters.length,
  };
}

/**
 * Gets a city ready for the quarters of a new year (what an office does each January): the year's
 * groups with every unit in last year's group, the year's scheme and its first quarter's period.
 * Returns that quarter's code. The bench opens, scores and publishes it.
 */
export async function prepareNextYear(
  db: Db,
  spec: Pick<ProvinceCitySpec, 'code' | 'name'>,
  year: number,
  now: Date,
  indicators: number = PROVINCE_INDICATORS,
): Promise<string> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('groups')
      .select(['id', 'code', 'name', 'sort_order'])
      .where('year', '=', year - 1)
      .orderBy('sort_order')
      .execute();
    const groupIds = new Map<number, number>();
    for (const g of last) groupIds.set(Number(g.id), await insertGroup(trx, { year, code: g.code, name: g.name, sortOrder: g.sort_order }));
    const members = await trx
      .selectFrom('unit_groups')
      .select(['unit_id', 'group_id'])
      .where('year', '=', year - 1)
      .execute();
    await insertInChunks(
      trx,
      'unit_groups',
      members.map((m) => ({ unit_id: m.unit_id, year, group_id: groupIds.get(Number(m.group_id)) ?? 0 })),
    );
    if (!(await findSchemeByYear(trx, year)))
      await storeGeneratedScheme(
        trx,
        cityScheme(
          spec,
          year,
          last.map((g) => ({ code: g.code, name: g.name })),
          indicators,
        ),
        at,
      );
    const first = nextPeriod({ kind: 'quarter', code: `${year - 1}Q4`, year: year - 1, quarter: 4 });
    await insertQuarterPeriods(trx, [first.code], now);
    return first.code;
  });
}
