import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { insertPublication } from '../assessment/publication.repository';
import { insertRound } from '../assessment/round.repository';
import { insertPeriod } from '../org/period.repository';
import {
  countActiveFindingsByUnit,
  listPublishedRounds,
  listRectificationTimeline,
  listReportVersionTimes,
  loadPublicationResults,
  mapUnitIdsByCode,
} from './dashboard.repository';
import { seedBenchCity } from './seed-bench-city';

const NOW = new Date('2026-11-22T02:00:00.000Z');

describe.each(testDatabases)('dashboard repository on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    await seedBenchCity(handle.db, {
      rankingUnits: 30,
      heatMapUnits: 10,
      indicators: 4,
      rectificationItems: 12,
      passwordHash: 'x',
      now: NOW,
    });
  });
  afterEach(() => handle.destroy());

  it('lists the published scored rounds with their publication in force, oldest first', async () => {
    const rounds = await listPublishedRounds(handle.db);
    expect(rounds.map((r) => [r.period, r.status, r.sequence])).toEqual([
      ['2026Q2', 'published', 1],
      ['2026Q3', 'published', 1],
    ]);
    // A restatement takes over; self-assessment and draft rounds never show.
    const q3 = rounds[1];
    if (!q3) throw new Error('no 2026Q3');
    const restated = await insertPublication(handle.db, {
      roundId: q3.roundId,
      sequence: 2,
      schemeId: q3.schemeId,
      schemeVersion: 1,
      schemeHash: q3.schemeHash,
      snapshotJson: '{}',
      resultsJson: JSON.stringify({ scheme: 'BENCH-2026', period: '2026Q3', groups: [] }),
      contentHash: 'f'.repeat(64),
      reason: '更正',
      diff: null,
      previousId: q3.publicationId,
      publishedAt: NOW.toISOString(),
      publishedBy: null,
      publishedByName: '测试',
    });
    await insertPeriod(
      handle.db,
      { code: '2026Q4', kind: 'quarter', year: 2026, startDate: '2026-10-01', endDate: '2026-12-31', status: 'open' },
      NOW.toISOString(),
    );
    await insertRound(
      handle.db,
      { periodCode: '2026Q4', schemeId: q3.schemeId, kind: 'office', title: '草稿', objectionDays: 10, createdBy: null },
      NOW.toISOString(),
    );
    await insertRound(
      handle.db,
      { periodCode: '2026Q3', schemeId: q3.schemeId, kind: 'self', title: '自评', objectionDays: 0, createdBy: null },
      NOW.toISOString(),
    );
    const after = await listPublishedRounds(handle.db);
    expect(after.map((r) => [r.period, r.publicationId, r.contentHash])).toEqual([
      ['2026Q2', rounds[0]?.publicationId, rounds[0]?.contentHash],
      ['2026Q3', restated.id, 'f'.repeat(64)],
    ]);
  });

  it('reads the results of several publications in one go', async () => {
    const rounds = await listPublishedRounds(handle.db);
    const results = await loadPublicationResults(
      handle.db,
      rounds.map((r) => r.publicationId),
    );
    const q3 = results.get(rounds[1]?.publicationId ?? 0);
    expect(q3?.groups.map((g) => [g.code, g.rows.length])).toEqual([
      ['B', 10],
      ['C', 30],
    ]);
    // Q3 ranks moved against Q2.
    expect(q3?.groups[1]?.rows.some((r) => r.rankDelta !== null && r.rankDelta !== 0)).toBe(true);
    expect(await loadPublicationResults(handle.db, [])).toEqual(new Map());
  });

  it('maps unit codes to ids and counts active findings, reports and ledger items', async () => {
    const ids = await mapUnitIdsByCode(handle.db);
    expect(ids.size).toBe(40);
    const unitId = ids.get('T00001') ?? 0;
    const round = (await listPublishedRounds(handle.db))[0];
    const at = NOW.toISOString();
    await handle.db
      .insertInto('findings')
      .values(
        [1, 2].map((n) => ({
          round_id: round?.roundId ?? 0,
          unit_id: unitId,
          leaf_code: '1.1',
          count: 1,
          deduction_milli: null,
          description: `问题${n}`,
          url: '',
          seen_at: null,
          screenshot_path: null,
          status: n === 1 ? 'active' : 'withdrawn',
          withdrawn_reason: null,
          withdrawn_at: null,
          source: 'manual',
          created_by: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    expect(await countActiveFindingsByUnit(handle.db, round?.roundId ?? 0)).toEqual(new Map([[unitId, 1]]));
    expect(await listReportVersionTimes(handle.db, 2025)).toEqual([]);
    const items = await listRectificationTimeline(handle.db, { unitId: null, groupId: null });
    expect(items).toHaveLength(12);
    expect(items.map((i) => i.period)).toEqual([...items.map((i) => i.period)].sort());
    const first = items[0];
    if (!first) throw new Error('no item');
    expect(
      (await listRectificationTimeline(handle.db, { unitId: first.unitId, groupId: null })).every((i) => i.unitId === first.unitId),
    ).toBe(true);
    const group = await handle.db.selectFrom('groups').select('id').where('code', '=', 'B').executeTakeFirstOrThrow();
    const inB = await listRectificationTimeline(handle.db, { unitId: null, groupId: Number(group.id) });
    expect(inB.every((i) => i.unitCode.startsWith('B'))).toBe(true);
  });
});
