import { describe, expect, it } from 'vitest';
import { addDays } from '@kaoping/domain/calendar/china-date';
import type { UnitPeriodResult } from '@kaoping/domain/scoring/scoring-result';
import { burndownOf, groupStatsOf, isFailing, nearestRank, passRuleOf, percentilesInGroup, standardScore, topAndBottom, weeklyDates } from './dashboard-figures';

const bands = [
  { grade: '良好', min: 80_000 },
  { grade: '不合格', min: 0 },
  { grade: '优秀', min: 90_000 },
  { grade: '合格', min: 60_000 },
];

function row(unit: string, final: number | null, rank: number | null, grade: string | null, extra: Partial<UnitPeriodResult> = {}): UnitPeriodResult {
  return {
    unit,
    name: unit,
    group: 'A',
    period: '2025Q3',
    assessed: true,
    unscoredReason: final === null ? '无评分' : null,
    base: final ?? 0,
    applicableMax: 100,
    major: 0,
    normalized: final,
    bonus: 0,
    vetoes: [],
    isVetoFail: false,
    final,
    rank,
    rankDelta: null,
    grade,
    isQuotaDemoted: false,
    complete: true,
    missing: [],
    events: { vetoes: [], bonus: [], major: [] },
    sheet: null,
    ...extra,
  };
}

describe('dashboard figures', () => {
  it('takes the pass line from the band above the lowest, whatever the order of the bands', () => {
    expect(passRuleOf({ bands })).toMatchObject({ passScore: 60, failGrade: '不合格' });
    expect(passRuleOf({ bands: [{ grade: '合格', min: 0 }] })).toMatchObject({ passScore: null, failGrade: null });
  });

  it('counts a fail veto and the lowest band as failing, never an unscored unit', () => {
    const rule = passRuleOf({ bands });
    expect(isFailing(row('A', 59, 4, '不合格'), rule)).toBe(true);
    expect(isFailing(row('B', 88.5, null, '不合格', { isVetoFail: true }), rule)).toBe(true);
    expect(isFailing(row('C', 60, 3, '合格'), rule)).toBe(false);
    expect(isFailing(row('D', null, null, null), rule)).toBe(false);
  });

  it('summarises a group over its scored units', () => {
    const rule = passRuleOf({ bands });
    const stats = groupStatsOf({ code: 'A', name: '甲组', rows: [row('A', 101, 1, '优秀'), row('B', 97, 2, '良好'), row('C', 85, 3, '良好'), row('D', 59, 4, '不合格', { vetoes: ['V2'] }), row('E', null, null, null)] }, rule);
    expect(stats).toEqual({ code: 'A', name: '甲组', units: 5, scored: 4, ranked: 4, average: 85.5, min: 59, max: 101, p10: 59, p90: 101, sd: 16.39, passed: 3, failing: 1, passRate: 75, vetoes: 1 });
  });

  it('uses the nearest-rank percentile', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(nearestRank(values, 10)).toBe(2);
    expect(nearestRank(values, 90)).toBe(18);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('gives percentiles within a group with shared values for ties, in one pass', () => {
    // Tied first places: two of the three others are ranked worse.
    expect(percentilesInGroup([1, 1, 3, 4, null])).toEqual([66.7, 66.7, 33.3, 0, null]);
    expect(percentilesInGroup([1])).toEqual([100]);
    const big = percentilesInGroup(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect([big[0], big[1499], big[2999]]).toEqual([100, 50, 0]);
  });

  it('gives a standard score only when the group spreads', () => {
    expect(standardScore(101, { average: 85.5, sd: 16.39 })).toBe(0.95);
    expect(standardScore(80, { average: 80, sd: 0 })).toBeNull();
    expect(standardScore(null, { average: 80, sd: 2 })).toBeNull();
  });

  it('takes the top and bottom of the ranked units without overlap', () => {
    const rows = [row('A', 90, 1, null), row('B', 80, 2, null), row('C', 70, 3, null), row('D', 60, 4, null), row('E', null, null, null)];
    expect(topAndBottom(rows, 3)).toEqual({ top: [rows[0], rows[1], rows[2]], bottom: [rows[3]] });
    expect(topAndBottom(rows, 2).bottom.map((r) => r.unit)).toEqual(['D', 'C']);
  });

  it('draws the burn-down from issue, due, closing and cancelling dates', () => {
    const items = [
      { status: 'closed', issuedOn: '2025-10-01', dueDate: '2025-10-15', closedOn: '2025-10-10', cancelledOn: null },
      { status: 'explained', issuedOn: '2025-10-01', dueDate: '2025-10-15', closedOn: '2025-10-20', cancelledOn: null },
      { status: 'in_progress', issuedOn: '2025-10-05', dueDate: '2025-10-12', closedOn: null, cancelledOn: null },
      { status: 'cancelled', issuedOn: '2025-10-01', dueDate: '2025-10-15', closedOn: null, cancelledOn: '2025-10-08' },
    ];
    expect(burndownOf(items, ['2025-09-30', '2025-10-01', '2025-10-08', '2025-10-13', '2025-10-20'])).toEqual([
      { date: '2025-09-30', open: 0, closed: 0, overdue: 0 },
      { date: '2025-10-01', open: 3, closed: 0, overdue: 0 },
      { date: '2025-10-08', open: 3, closed: 0, overdue: 0 },
      { date: '2025-10-13', open: 2, closed: 1, overdue: 1 },
      { date: '2025-10-20', open: 1, closed: 2, overdue: 1 },
    ]);
  });

  it('lists weekly dates ending today', () => {
    expect(weeklyDates('2025-10-01', '2025-10-20', addDays)).toEqual(['2025-10-01', '2025-10-08', '2025-10-15', '2025-10-20']);
    expect(weeklyDates('2025-10-21', '2025-10-20', addDays)).toEqual(['2025-10-20']);
  });
});
