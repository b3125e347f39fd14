// The dashboard's API on both dialects, over the spec's worked example published through the
// assessment API (2025Q2, then 2025Q3 against it). Every aggregate below was worked out by hand
// from expected-2025Q2.json and expected-2025Q3.json (pass line 60: the 合格 band).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { insertItem } from '@kaoping/db/rectification/rectification.repository';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { exampleRows, importExampleInputs, setUpExample } from '../assessment/assessment-test-fixtures';
import { callerFor } from '../testing/test-context';

const ledger = vi.hoisted(() => ({
  rows: new Map<
    string,
    { unitId: number; unit: string; period: string; item: string; due: string; closed: string | null; rejected: number }[]
  >(),
}));
vi.mock('@kaoping/db/assessment/rectification-rows.repository', () => ({
  loadRectificationRows: async (_db: unknown, period: { code: string }) => ledger.rows.get(period.code) ?? [],
}));

function ledgerItem(
  fields: Pick<RectificationItem, 'code' | 'unitId' | 'period' | 'status' | 'issuedOn' | 'dueDate' | 'closedOn' | 'firstSubmittedOn'>,
): RectificationItem {
  return {
    id: 0,
    findingIds: [],
    title: `整改 ${fields.code}`,
    requirement: '',
    version: 1,
    issuedAt: `${fields.issuedOn}T02:00:00.000Z`,
    dueRule: { kind: 'date' },
    updatedAt: `${fields.issuedOn}T02:00:00.000Z`,
    acknowledgedOn: null,
    lastSubmittedOn: fields.firstSubmittedOn,
    submission: null,
    returnReason: null,
    recheckFailCount: 0,
    explanationRejectCount: 0,
    cancelledOn: null,
    cancelReason: null,
    escalationLevel: null,
    carriedOver: false,
    carriedInto: null,
    ...fields,
  };
}

describe.each(testDatabases)('dashboard router on $name', (factory) => {
  let handle: DatabaseHandle;
  let ex: Awaited<ReturnType<typeof setUpExample>>;
  const id = (code: string) => ex.unitIds.get(code) ?? 0;

  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
    ex = await setUpExample(handle);
    ledger.rows.clear();
    for (const r of exampleRows('rectifications.csv')) {
      const list = ledger.rows.get(r['period'] ?? '') ?? [];
      list.push({
        unitId: ex.unitIds.get(r['unit'] ?? '') ?? 0,
        unit: r['unit'] ?? '',
        period: r['period'] ?? '',
        item: r['item'] ?? '',
        due: r['due'] ?? '',
        closed: r['closed'] || null,
        rejected: Number(r['rejected'] || 0),
      });
      ledger.rows.set(r['period'] ?? '', list);
    }
    await importExampleInputs(ex.assessor, ex.q2.id);
    await importExampleInputs(ex.assessor, ex.q3.id);
    for (const round of [ex.q2, ex.q3]) {
      const { round: current } = await ex.assessor.assessment.rounds.get({ roundId: round.id });
      await ex.assessor.assessment.rounds.publish({ roundId: round.id, version: current.version });
    }
    // Two ledger items of A04 (TEST_NOW is 2026-03-02): one closed on time, one open and overdue.
    await insertItem(
      handle.db,
      ledgerItem({
        code: 'ZG-2025-001',
        unitId: id('A04'),
        period: '2025Q3',
        status: 'closed',
        issuedOn: '2025-10-20',
        dueDate: '2025-11-03',
        closedOn: '2025-10-31',
        firstSubmittedOn: '2025-10-28',
      }),
      { severity: 'normal', responsiblePerson: '', responsibleLeader: '', source: 'manual', evidenceRequired: false },
    );
    await insertItem(
      handle.db,
      ledgerItem({
        code: 'ZG-2025-002',
        unitId: id('A04'),
        period: '2025Q3',
        status: 'issued',
        issuedOn: '2025-10-20',
        dueDate: '2025-11-03',
        closedOn: null,
        firstSubmittedOn: null,
      }),
      { severity: 'normal', responsiblePerson: '', responsibleLeader: '', source: 'manual', evidenceRequired: false },
    );
  });
  afterAll(() => handle.destroy());

  it('lists the published quarters, newest first', async () => {
    const periods = await callerFor(handle, ex.org.users.leader).dashboard.periods();
    expect(periods.latest).toBe('2025Q3');
    expect(periods.periods.map((p) => p.period)).toEqual(['2025Q3', '2025Q2']);
  });

  it('gives the overview of the latest quarter: totals, group averages and pass rates, failing and vetoed units', async () => {
    const overview = await callerFor(handle, ex.org.users.leader).dashboard.overview();
    const a = overview.assessment;
    expect(a?.period).toBe('2025Q3');
    expect(a?.previousPeriod).toBe('2025Q2');
    expect(a?.passScore).toBe(60);
    // 10 units scored; B103 (fail veto) has no rank; failing: A04 (capped to 59), B103 (veto), B202 (53.89).
    expect(a?.totals).toEqual({ units: 10, scored: 10, ranked: 9, failing: 3, vetoes: 2, vetoFail: 1 });
    const groups = Object.fromEntries((a?.groups ?? []).map((g) => [g.code, g]));
    // A: (101 + 97 + 85 + 59) / 4 = 85.5; 3 of 4 pass; Q2 was (95 + 95 + 91 + 80) / 4 = 90.25, all passing.
    expect(groups['A']).toMatchObject({
      scored: 4,
      average: 85.5,
      min: 59,
      max: 101,
      passed: 3,
      failing: 1,
      passRate: 75,
      averageDelta: -4.75,
      passRateDelta: -25,
      vetoes: 1,
    });
    // B1: (100 + 83.5 + 88.5) / 3 = 90.67 (the vetoed unit keeps its score); 2 of 3 pass.
    expect(groups['B1']).toMatchObject({ scored: 3, ranked: 2, average: 90.67, passRate: 66.7 });
    // B2: (88.89 + 85.83 + 53.89) / 3 = 76.2033…
    expect(groups['B2']).toMatchObject({ average: 76.2, min: 53.89, max: 88.89, passRate: 66.7 });
    expect(groups['A']?.top.map((u) => u.unit)).toEqual(['A01', 'A03', 'A02']);
    expect(groups['A']?.bottom.map((u) => u.unit)).toEqual(['A04']);
    // Score changes since Q2: A01 95 → 101, A03 95 → 97; B202 81.11 → 53.89, A04 80 → 59, B201 100 → 88.89, A02 91 → 85, B102 88.5 → 83.5.
    expect(a?.changes.rises.map((c) => [c.unit, c.scoreDelta])).toEqual([
      ['A01', 6],
      ['A03', 2],
    ]);
    expect(a?.changes.falls.map((c) => [c.unit, c.scoreDelta])).toEqual([
      ['B202', -27.22],
      ['A04', -21],
      ['B201', -11.11],
      ['A02', -6],
      ['B102', -5],
    ]);
    expect(a?.changes.newlyFailing.map((u) => u.unit).sort()).toEqual(['A04', 'B103', 'B202']);
    expect(a?.changes.newlyFailingCount).toBe(3);
    expect(overview.rectification).toMatchObject({
      open: 1,
      overdue: 1,
      closed: 1,
      onTimeClosureRate: 50,
      unitsNotReportedBack: 1,
      unitsWithOpenItems: 1,
    });
    expect(overview.reports.year).toBe(2024);
    // units.csv gives no start date, so the imported units start on the import day: only A01 and A02 owed a 2024 report.
    expect(overview.reports.overall).toMatchObject({ expected: 2, submitted: 0, missing: 2, onTimeRate: 0 });
  });

  it('gives the list behind each figure of the overview', async () => {
    const leader = callerFor(handle, ex.org.users.leader);
    const failing = await leader.dashboard.overviewList({ kind: 'failing', period: null });
    expect(failing.kind === 'failing' && failing.units.map((u) => u.unit).sort()).toEqual(['A04', 'B103', 'B202']);
    const vetoes = await leader.dashboard.overviewList({ kind: 'vetoes', period: null });
    expect(vetoes.kind === 'vetoes' && vetoes.units.map((u) => [u.unit, u.vetoItems.map((v) => v.code)])).toEqual([
      ['A04', ['V2']],
      ['B103', ['V1']],
    ]);
    const overdue = await leader.dashboard.overviewList({ kind: 'overdueItems', period: null });
    expect(overdue.kind === 'overdueItems' && overdue.items.map((i) => i.code)).toEqual(['ZG-2025-002']);
    const open = await leader.dashboard.overviewList({ kind: 'openByUnit', period: null });
    expect(open.kind === 'openByUnit' && open.units.map((u) => [u.code, u.open, u.overdue])).toEqual([['A04', 1, 1]]);
    // Nothing was reported for 2024: both units that owed a report are overdue by now (2026-03-02).
    const missing = await leader.dashboard.overviewList({ kind: 'missingReports', period: null });
    expect(missing.kind === 'missingReports' && missing.reports.map((r) => r.code)).toEqual(['A01', 'A02']);
    expect(await leader.dashboard.overviewList({ kind: 'lateReports', period: null })).toMatchObject({ year: 2024, reports: [] });
    await expect(callerFor(handle, ex.org.users.liaison).dashboard.overviewList({ period: null, kind: 'failing' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('reads an earlier quarter when asked, and refuses an unpublished one', async () => {
    const leader = callerFor(handle, ex.org.users.leader);
    const q2 = await leader.dashboard.overview({ period: '2025Q2' });
    expect(q2.assessment?.previousPeriod).toBeNull();
    expect(q2.assessment?.totals).toMatchObject({ scored: 10, ranked: 10, failing: 0, vetoes: 0 });
    expect(q2.assessment?.changes.rises).toEqual([]);
    await expect(leader.dashboard.overview({ period: '2025Q4' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '期次 2025Q4 尚无已发布的考评结果',
    });
  });

  it('ranks within a group with movement and score change', async () => {
    const ranking = await callerFor(handle, ex.org.users.assessor).dashboard.ranking({ group: 'B1' });
    expect(ranking.groups.map((g) => g.code)).toEqual(['A', 'B1', 'B2']);
    expect(ranking.rows.map((r) => [r.unit, r.rank, r.rankDelta, r.scoreDelta, r.isFailing])).toEqual([
      ['B101', 1, 0, 0, false],
      ['B102', 2, 0, -5, false],
      ['B103', null, null, 0, true],
    ]);
    expect(ranking.rows[2]?.vetoes).toEqual([{ code: 'V1', name: expect.any(String) }]);
    expect(ranking.rows[0]?.unitId).toBe(id('B101'));
    await expect(callerFor(handle, ex.org.users.assessor).dashboard.ranking({ group: 'Z' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('compares across groups only by percentile within the group and standard score', async () => {
    const cross = await callerFor(handle, ex.org.users.admin).dashboard.crossGroup();
    const byUnit = Object.fromEntries(cross.rows.map((r) => [r.unit, r]));
    // A: mean 85.5, SD √((15.5² + 11.5² + 0.5² + 26.5²) / 4) = √268.75 = 16.39; A01 z = 15.5 / 16.39 = 0.95.
    expect(byUnit['A01']).toMatchObject({ rank: 1, groupRanked: 4, percentile: 100, standardScore: 0.95 });
    // A03 is second of four ranked: two of the other three are below it.
    expect(byUnit['A03']).toMatchObject({ percentile: 66.7, standardScore: 0.7 });
    expect(byUnit['A04']).toMatchObject({ percentile: 0, standardScore: -1.62 });
    expect(byUnit['B103']).toMatchObject({ percentile: null });
    expect(cross.rows[0]?.percentile).toBe(100);
  });

  it('draws the heat map from the engine sheets, the same shares the score sheet gives', async () => {
    const admin = callerFor(handle, ex.org.users.admin);
    const heat = await admin.dashboard.heatMap({ group: 'A' });
    expect(heat.indicators.map((i) => i.code)).toEqual(['1', '2', '3', '4']);
    expect(heat.units.map((u) => u.unit)).toEqual(['A01', 'A03', 'A02', 'A04']);
    const sheet = await admin.assessment.results.sheet({ roundId: ex.q3.id, unitId: id('A04') });
    const level1 = sheet.rows.filter((r) => r.level === 1);
    const a04 = heat.units.find((u) => u.unit === 'A04');
    expect(a04?.shares).toEqual(
      level1.map((r) => (r.applicablePoints > 0 ? Math.round((r.earned * 1000) / r.applicablePoints) / 10 : null)),
    );
    heat.indicators.forEach((_, i) => {
      const shares = heat.units.map((u) => u.shares[i]).filter((s): s is number => s !== null && s !== undefined);
      expect(heat.average[i]).toBe(Math.round((shares.reduce((s, x) => s + x, 0) / shares.length) * 10) / 10);
    });
    expect(heat.weakest?.average).toBe(Math.min(...heat.average.filter((x): x is number => x !== null)));
  });

  it('follows each group over the quarters, and a unit over its quarters', async () => {
    const admin = callerFor(handle, ex.org.users.admin);
    const trends = await admin.dashboard.groupTrends();
    expect(trends.periods).toEqual(['2025Q2', '2025Q3']);
    const a = trends.groups.find((g) => g.code === 'A');
    expect(a?.points.map((p) => [p.period, p.average, p.min, p.max, p.passRate])).toEqual([
      ['2025Q2', 90.25, 80, 95, 100],
      ['2025Q3', 85.5, 59, 101, 75],
    ]);
    const history = await admin.dashboard.unitHistory({ unitId: id('A03') });
    expect(history.points.map((p) => [p.period, p.final, p.rank, p.rankedCount, p.grade])).toEqual([
      ['2025Q2', 95, 1, 4, '良好'],
      ['2025Q3', 97, 2, 4, '良好'],
    ]);
  });

  it('profiles a unit: shares against the group, the gap to the unit above, findings and the ledger', async () => {
    const profile = await callerFor(handle, ex.org.users.admin).dashboard.unitProfile({ unitId: id('A04') });
    expect(profile.periods).toEqual(['2025Q3', '2025Q2']);
    const a = profile.assessment;
    expect(a?.result).toMatchObject({ final: 59, rank: 4, grade: '不合格', isFailing: true });
    expect(a?.radar.map((r) => r.code)).toEqual(['1', '2', '3', '4']);
    // The unit above A04 is A02 (85): 26 points.
    expect(a?.explanation?.gapToAbove).toMatchObject({ unit: 'A02', rank: 3, final: 85, gap: 26 });
    // The waterfall adds up to the published final.
    const waterfall = a?.explanation?.waterfall ?? [];
    expect(Math.round(waterfall.reduce((s, w) => s + w.value, 0) * 100) / 100).toBe(59);
    expect(a?.findings.map((f) => [f.leaf, f.count])).toEqual([
      ['1.2', 1],
      ['2.1', 1],
    ]);
    expect(a?.findings.every((f) => f.points !== null && f.points > 0)).toBe(true);
    expect(profile.rectification).toMatchObject({ open: 1, overdue: 1, closed: 1, onTimeClosureRate: 50 });
    expect(profile.history.points.map((p) => p.final)).toEqual([80, 59]);
  });

  it('keeps a liaison to their own unit, and hides who is ranked above them', async () => {
    const liaison = callerFor(handle, { ...ex.org.users.liaison, unitId: id('A04') });
    const own = await liaison.dashboard.unitProfile({ unitId: id('A04') });
    expect(own.assessment?.explanation?.gapToAbove).toEqual({ unit: null, name: null, rank: 3, final: null, gap: 26, indicators: [] });
    const summary = await liaison.dashboard.unitSummary({ unitId: id('A04') });
    expect(summary.result).toMatchObject({
      period: '2025Q3',
      final: 59,
      rank: 4,
      grade: '不合格',
      findings: 2,
      isFailing: true,
      group: { code: 'A', ranked: 4 },
      previous: { period: '2025Q2', final: 80, rank: 4 },
    });
    expect(summary.rectification).toMatchObject({ open: 1, overdue: 1 });
    for (const call of [
      () => liaison.dashboard.unitProfile({ unitId: id('A01') }),
      () => liaison.dashboard.unitSummary({ unitId: id('A01') }),
      () => liaison.dashboard.unitHistory({ unitId: id('A01') }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN', message: '无权查看其他单位的数据' });
    }
    await expect(liaison.dashboard.ranking({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const board = await liaison.dashboard.rectificationBoard();
    expect(board.isOwnUnitOnly).toBe(true);
    expect(board.units.map((u) => u.code)).toEqual(['A04']);
    const otherLiaison = callerFor(handle, ex.org.users.liaison);
    expect((await otherLiaison.dashboard.rectificationBoard()).figures.total).toBe(0);
  });

  it('draws the ledger over time: open against closed, overdue by unit, on-time closure', async () => {
    const board = await callerFor(handle, ex.org.users.leader).dashboard.rectificationBoard();
    expect(board.today).toBe('2026-03-02');
    expect(board.figures).toMatchObject({
      total: 2,
      open: 1,
      overdue: 1,
      closed: 1,
      closedOnTime: 1,
      closedLate: 0,
      onTimeClosureRate: 50,
    });
    expect(board.burndown[0]).toEqual({ date: '2025-10-20', open: 2, closed: 0, overdue: 0 });
    expect(board.burndown[2]).toEqual({ date: '2025-11-03', open: 1, closed: 1, overdue: 0 });
    expect(board.burndown[3]).toEqual({ date: '2025-11-10', open: 1, closed: 1, overdue: 1 });
    expect(board.burndown.at(-1)).toEqual({ date: '2026-03-02', open: 1, closed: 1, overdue: 1 });
    expect(board.byPeriod).toEqual([
      { period: '2025Q3', total: 2, open: 1, overdue: 1, closedOnTime: 1, closedLate: 0, onTimeClosureRate: 50 },
    ]);
    expect(board.units).toEqual([expect.objectContaining({ code: 'A04', open: 1, overdue: 1, openOnTime: 0 })]);
  });

  // Last: it adds a ledger item.
  it('keeps the overview while the database is unchanged, and answers anew after any write', async () => {
    const leader = callerFor(handle, ex.org.users.leader);
    const first = await leader.dashboard.overview();
    expect(await leader.dashboard.overview()).toBe(first);
    expect(first.rectification.open).toBe(1);
    await insertItem(
      handle.db,
      ledgerItem({
        code: 'ZG-2025-003',
        unitId: id('A03'),
        period: '2025Q3',
        status: 'issued',
        issuedOn: '2025-10-20',
        dueDate: '2025-11-03',
        closedOn: null,
        firstSubmittedOn: null,
      }),
      { severity: 'normal', responsiblePerson: '', responsibleLeader: '', source: 'manual', evidenceRequired: false },
    );
    const after = await leader.dashboard.overview();
    expect(after).not.toBe(first);
    expect(after.rectification).toMatchObject({ open: 2, overdue: 2 });
  });
});
