import { describe, expect, it } from 'vitest';
import { compileOrThrow, manualScheme } from '../scoring/scoring-fixtures';
import { passRuleOf } from '../scoring/pass-line';
import type { PeriodResults, UnitPeriodResult } from '../scoring/scoring-result';
import { periodChangesOf } from './period-changes';

const rule = passRuleOf(compileOrThrow(manualScheme()));

function row(unit: string, final: number | null, grade: string | null, extra: Partial<UnitPeriodResult> = {}): UnitPeriodResult {
  return {
    unit,
    name: `单位${unit}`,
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
    rank: null,
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
const period = (rows: UnitPeriodResult[]): PeriodResults => ({
  scheme: 'T-2025',
  period: '2025Q3',
  groups: [{ code: 'A', name: '甲组', rows }],
});

describe('period changes', () => {
  const before = period([
    row('U1', 70, '合格'),
    row('U2', 90, '优秀'),
    row('U3', 55, '不合格'),
    row('U4', 80, '良好'),
    row('U5', null, null),
  ]);
  const now = period([
    row('U1', 85.5, '良好'),
    row('U2', 88, '良好'),
    row('U3', 62, '合格'),
    row('U4', 95, '优秀', { isVetoFail: true }),
    row('U5', 40, '不合格'),
  ]);
  const changes = periodChangesOf(now, before, rule, rule, new Map([['U1', 1]]), 2);

  it('lists the biggest rises and falls, at most n each', () => {
    expect(changes.rises.map((c) => [c.unit, c.scoreDelta, c.previousFinal])).toEqual([
      ['U1', 15.5, 70],
      ['U4', 15, 80],
    ]);
    expect(changes.rises[0]?.unitId).toBe(1);
    expect(changes.falls.map((c) => [c.unit, c.scoreDelta])).toEqual([['U2', -2]]);
  });

  it('moves units into and out of the failing list, a fail veto or a first score counting as newly failing', () => {
    expect(changes.newlyFailing.map((b) => b.unit)).toEqual(['U4', 'U5']);
    expect(changes.recovered.map((b) => b.unit)).toEqual(['U3']);
  });

  it('gives each group its average and pass-rate change', () => {
    // Before: scored 70, 90, 55, 80 → 73.75, 3 of 4 pass (75%); now 85.5, 88, 62, 95, 40 → 74.1, 3 of 5 (60%).
    expect(changes.groups).toEqual([{ code: 'A', name: '甲组', averageDelta: 0.35, passRateDelta: -15 }]);
  });

  it('has nothing to compare without a previous period', () => {
    expect(periodChangesOf(now, null, rule, null, new Map())).toEqual({
      rises: [],
      falls: [],
      newlyFailing: [],
      recovered: [],
      groups: [],
    });
  });
});
