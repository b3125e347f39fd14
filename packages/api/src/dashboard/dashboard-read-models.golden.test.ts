// Golden: every dashboard procedure switched to the publication read models (issue #14) answers
// exactly as the snapshot path did (testing/dashboard-snapshot-path/, the previous code kept unchanged, test-only), on both
// dialects, over two fixtures: the scoring example published through the assessment API (read
// models written in the publication's transaction) and the demo city, whose seeder writes its
// publications directly (read models built on first read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { seedDemoCity } from '@kaoping/db/demo/seed-demo-city';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { parsePeriod, type Period } from '@kaoping/domain/period/period';
import type { Actor } from '../actor';
import { importExampleInputs, setUpExample } from '../assessment/assessment-test-fixtures';
import { TEST_NOW } from '../testing/test-context';
import * as now from './dashboard-overview.service';
import * as nowProfile from './dashboard-profile.service';
import * as nowRanking from './dashboard-ranking.service';
import * as old from '../testing/dashboard-snapshot-path/dashboard-overview.service';
import * as oldProfile from '../testing/dashboard-snapshot-path/dashboard-profile.service';
import * as oldRanking from '../testing/dashboard-snapshot-path/dashboard-ranking.service';

const admin: SessionUser = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', unitId: null, unitName: null, officeId: 1 };

/** Calls the old and the new path with the same arguments and expects the same answer (or the same refusal). */
async function same<I>(
  oldFn: (db: never, actor: Actor, input: I) => Promise<unknown>,
  newFn: typeof oldFn,
  db: unknown,
  actor: Actor,
  input: I,
) {
  const settle = (p: Promise<unknown>) =>
    p.then(
      (value) => ({ value }),
      (error: unknown) => ({ error: String(error) }),
    );
  const [a, b] = await Promise.all([settle(oldFn(db as never, actor, input)), settle(newFn(db as never, actor, input))]);
  expect(b).toEqual(a);
  return a;
}

async function compareEverything(handle: DatabaseHandle, sampleUnits: number) {
  const db = handle.db;
  const actor: Actor = { user: admin, now: TEST_NOW };
  const periods = (await now.listDashboardPeriods(db)).periods.map((p) => parsePeriod(p.period) as Period);
  expect(periods.length).toBeGreaterThan(1);
  const units = (await db.selectFrom('units').select(['id', 'code']).orderBy('id').execute()).map((u) => Number(u.id));
  const sample = units.filter((_, i) => i % Math.max(1, Math.floor(units.length / sampleUnits)) === 0);
  let compared = 0;
  for (const period of [null, ...periods]) {
    await same(old.getCityOverview, now.getCityOverview, db, actor, { period });
    for (const kind of ['failing', 'vetoes'] as const) await same(old.getOverviewList, now.getOverviewList, db, actor, { period, kind });
    await same(oldRanking.getCrossGroupComparison, nowRanking.getCrossGroupComparison, db, actor, { period });
    const ranking = (await nowRanking.getGroupRanking(db as never, actor, { period, group: null })) as { groups: { code: string }[] };
    for (const group of [null, ...ranking.groups.map((g) => g.code), 'ZZ']) {
      await same(oldRanking.getGroupRanking, nowRanking.getGroupRanking, db, actor, { period, group });
      await same(oldRanking.getHeatMap, nowRanking.getHeatMap, db, actor, { period, group });
      compared += 2;
    }
    for (const unitId of sample) {
      await same(old.getUnitSummary, now.getUnitSummary, db, actor, { unitId, period });
      await same(oldProfile.getUnitProfile, nowProfile.getUnitProfile, db, actor, { unitId, period });
      compared += 2;
    }
  }
  expect(await oldRanking.getGroupTrends(db)).toEqual(await nowRanking.getGroupTrends(db));
  for (const unitId of sample) await same(oldRanking.getUnitHistory, nowRanking.getUnitHistory, db, actor, { unitId });
  return compared;
}

describe.each(testDatabases)('dashboard read models against the snapshot path on $name', (factory) => {
  let example: DatabaseHandle;
  let demo: DatabaseHandle;
  let assessor: Awaited<ReturnType<typeof setUpExample>>['assessor'];

  beforeAll(async () => {
    example = await createMigratedTestDatabase(factory);
    const ex = await setUpExample(example);
    assessor = ex.assessor;
    await importExampleInputs(ex.assessor, ex.q2.id);
    await importExampleInputs(ex.assessor, ex.q3.id);
    for (const round of [ex.q2, ex.q3]) {
      const { round: current } = await ex.assessor.assessment.rounds.get({ roundId: round.id });
      await ex.assessor.assessment.rounds.publish({ roundId: round.id, version: current.version });
    }
    demo = await createMigratedTestDatabase(factory);
    await seedDemoCity(demo.db, { passwordHash: 'x', now: TEST_NOW });
  }, 240_000);
  afterAll(async () => {
    await example?.destroy();
    await demo?.destroy();
  });

  it('writes the read models with each publication through the API, and answers the same', async () => {
    const publications = await example.db.selectFrom('assessment_publications').select('id').execute();
    const built = await example.db.selectFrom('published_group_stats').select('publication_id').distinct().execute();
    expect(built.map((b) => Number(b.publication_id)).sort()).toEqual(publications.map((p) => Number(p.id)).sort());
    expect(await compareEverything(example, 10)).toBeGreaterThan(20);
  }, 120_000);

  it('writes the read models of a restatement with it (a correction saved from the grid), and answers the same', async () => {
    const [q3] = await example.db.selectFrom('assessment_rounds').select('id').where('period_code', '=', '2025Q3').execute();
    const roundId = Number(q3?.id);
    const grid = await assessor.assessment.inputs.grid({ roundId, group: 'A' });
    const unit = grid.units[0];
    const cell = unit?.cells.find((c) => c.leaf === '2.2');
    const value = cell?.value === '0' ? '1' : '0';
    const saved = await assessor.assessment.inputs.saveScores({
      roundId,
      cells: [{ unitId: unit?.id ?? 0, leaf: '2.2', value, expected: cell?.value ?? null }],
      reason: '复核后更正',
    });
    expect(saved.restatement).toMatchObject({ sequence: 2 });
    const restated = saved.restatement?.id ?? 0;
    const rows = await example.db
      .selectFrom('published_unit_results')
      .select(['unit_code', 'final'])
      .where('publication_id', '=', restated)
      .execute();
    expect(rows).toHaveLength(10);
    expect(await compareEverything(example, 10)).toBeGreaterThan(20);
  }, 120_000);

  it('builds the demo city’s read models once on first read, and answers the same', async () => {
    const before = await demo.db
      .selectFrom('published_unit_results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(before?.n)).toBe(0);
    expect(await compareEverything(demo, 6)).toBeGreaterThan(20);
    const after = await demo.db
      .selectFrom('published_unit_results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBeGreaterThan(0);
  }, 240_000);
});
