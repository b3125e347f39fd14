import { describe, expect, it } from 'vitest';
import { passRuleOf } from '../scoring/pass-line';
import type { UnitPeriodResult } from '../scoring/scoring-result';
import { groupStatsOf, nearestRank } from './group-stats';
import { topAndBottom } from './unit-brief';

const bands = [
  { grade: '良好', min: 80_000 },
  { grade: '不合格', min: 0 },
  { grade: '优秀', min: 90_000 },
  { grade: '合格', min: 60_000 },
];

function row(
  unit: string,
  final: number | null,
  rank: number | null,
  grade: string | null,
  extra: Partial<UnitPeriodResult> = {},
): UnitPeriodResult {
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

describe('group figures', () => {
  it('summarises a group over its scored units', () => {
    const rule = passRuleOf({ bands });
    const stats = groupStatsOf(
      {
        code: 'A',
        name: '甲组',
        rows: [
          row('A', 101, 1, '优秀'),
          row('B', 97, 2, '良好'),
          row('C', 85, 3, '良好'),
          row('D', 59, 4, '不合格', { vetoes: ['V2'] }),
          row('E', null, null, null),
        ],
      },
      rule,
    );
    expect(stats).toEqual({
      code: 'A',
      name: '甲组',
      units: 5,
      scored: 4,
      ranked: 4,
      average: 85.5,
      min: 59,
      max: 101,
      p10: 59,
      p90: 101,
      sd: 16.39,
      passed: 3,
      failing: 1,
      passRate: 75,
      vetoes: 1,
    });
  });

  it('uses the nearest-rank percentile', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(nearestRank(values, 10)).toBe(2);
    expect(nearestRank(values, 90)).toBe(18);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('takes the top and bottom of the ranked units without overlap', () => {
    const rows = [row('A', 90, 1, null), row('B', 80, 2, null), row('C', 70, 3, null), row('D', 60, 4, null), row('E', null, null, null)];
    expect(topAndBottom(rows, 3)).toEqual({ top: [rows[0], rows[1], rows[2]], bottom: [rows[3]] });
    expect(topAndBottom(rows, 2).bottom.map((r) => r.unit)).toEqual(['D', 'C']);
  });
});
