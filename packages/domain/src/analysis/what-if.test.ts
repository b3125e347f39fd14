// What-if weights: small groups worked out by hand (arithmetic in the comments).
import { describe, expect, it } from 'vitest';
import { eventsGroup, excludedGroup, halfHundredthGroup, plainGroup } from '../../test/analysis/analysis-golden-cases';
import { officialPoints } from './analysis-group';
import { computeScenarioFinals } from './score-scenario';
import { compareWhatIfResults, computeWhatIf, resolveScenarioPoints, type WhatIfResult } from './what-if';

const standing = (r: WhatIfResult) =>
  Object.fromEntries(r.rows.map((row) => [row.unit, [row.scenario.final, row.scenario.rank, row.scenario.grade]]));

describe('what-if weights (by hand)', () => {
  it('with the official points reproduces the official results and flags nothing', () => {
    const result = computeWhatIf(plainGroup(), {});
    expect(standing(result)).toEqual({ U2: [78, 1, '合格'], U3: [76, 2, '合格'], U1: [74, 3, '合格'] });
    expect(result.rows.map((r) => r.official)).toEqual(
      result.rows.map((r) => ({ final: r.scenario.final, rank: r.scenario.rank, grade: r.scenario.grade })),
    );
    expect(result.changedCount).toBe(0);
    expect(result.total).toBe(100);
  });

  it('rescales each unit’s earned share to the new points', () => {
    // 1: 60 → 80 (× 4/3), 2: 40 → 20 (× 1/2)
    //   U1: 54 × 4/3 = 72, 20 / 2 = 10 → 82 良好
    //   U2: 42 × 4/3 = 56, 36 / 2 = 18 → 74 合格
    //   U3: 48 × 4/3 = 64, 28 / 2 = 14 → 78 合格
    const result = computeWhatIf(plainGroup(), { '1': 80, '2': 20 });
    expect(standing(result)).toEqual({ U1: [82, 1, '良好'], U3: [78, 2, '合格'], U2: [74, 3, '合格'] });
    const u1 = result.rows.find((r) => r.unit === 'U1');
    expect(u1).toMatchObject({ rankChange: 2, finalChange: 8, isRankChanged: true, isGradeChanged: true });
    const u3 = result.rows.find((r) => r.unit === 'U3');
    expect(u3).toMatchObject({ rankChange: 0, isRankChanged: false, isGradeChanged: false });
    expect(result.changedCount).toBe(2); // U1 (rank, grade) and U2 (rank)
  });

  it('drops an indicator given 0 points: the rest is rescaled to 100 by the applicable maximum', () => {
    // only 1 (60) counts: U1 54/60 = 90 优秀, U2 42/60 = 70 合格, U3 48/60 = 80 良好
    const result = computeWhatIf(plainGroup(), { '2': 0 });
    expect(standing(result)).toEqual({ U1: [90, 1, '优秀'], U3: [80, 2, '良好'], U2: [70, 3, '合格'] });
    expect(result.total).toBe(60);
  });

  it('applies major deductions, the bonus gate and cap, and vetoes as spec §2 says', () => {
    // official: A 88 (1, 良好), B 82 (2, 良好), C 60 (3, 合格), D vetoed 60 (no rank, 不合格)
    expect(standing(computeWhatIf(eventsGroup(), {}))).toEqual({
      A: [88, 1, '良好'],
      B: [82, 2, '良好'],
      C: [60, 3, '合格'],
      D: [60, null, '不合格'],
    });
    // 1: 70 (× 1.4), 2: 30 (× 0.6)
    //   A: 63 + 24 = 87 ≥ 80 → + 3 = 90 优秀
    //   B: 70 + 21 = 91 − 5 = 86 ≥ 80 → + 2 = 88
    //   C: 56 + 29.4 = 85.4 → capped 60
    //   D: 42 + 18 = 60, still vetoed
    expect(standing(computeWhatIf(eventsGroup(), { '1': 70, '2': 30 }))).toEqual({
      A: [90, 1, '优秀'],
      B: [88, 2, '良好'],
      C: [60, 3, '合格'],
      D: [60, null, '不合格'],
    });
    // 1: 30 (× 0.6), 2: 70 (× 1.4)
    //   A: 27 + 56 = 83 → + 3 = 86
    //   B: 30 + 49 = 79 − 5 = 74 < 80 → no bonus → 74 合格 (grade changes)
    //   C: 24 + 68.6 = 92.6 → capped 60
    const result = computeWhatIf(eventsGroup(), { '1': 30, '2': 70 });
    expect(standing(result)).toEqual({ A: [86, 1, '良好'], B: [74, 2, '合格'], C: [60, 3, '合格'], D: [60, null, '不合格'] });
    expect(result.rows.filter((r) => r.isGradeChanged).map((r) => r.unit)).toEqual(['B']);
  });

  it('keeps excluded indicators out of the maximum', () => {
    // group B: 3 does not apply; 1: 60 → 30 (× 1/2), 2: 30 → 60 (× 2), maximum 90
    //   B1: 25 + 40 = 65 / 90 = 72.222… → 72.22
    //   B2: 30 + 42 = 72 / 90 = 80
    //   B3: 4.0005 + 16 = 20.0005 / 90 = 22.2227… → 22.22
    const result = computeWhatIf(excludedGroup(), { '1': 30, '2': 60 });
    expect(standing(result)).toEqual({ B2: [80, 1, '良好'], B1: [72.22, 2, '合格'], B3: [22.22, 3, '不合格'] });
    // changing the points of 3 changes nothing in group B
    expect(standing(computeWhatIf(excludedGroup(), { '3': 40 }))).toEqual(standing(computeWhatIf(excludedGroup(), {})));
  });

  it('rounds a final that sits exactly on a half hundredth half up, like the engine', () => {
    const group = halfHundredthGroup();
    // official: U 16.001 / 20 = 80.005 → 80.01; the float fast path cannot decide, the exact path does
    const finals = new Int32Array(2);
    expect(computeScenarioFinals(group, officialPoints(group), finals)).toBe(1);
    expect([...finals]).toEqual([8001, 8000]);
    expect(standing(computeWhatIf(group, {}))).toEqual({ U: [80.01, 1, '良好'], V: [80, 2, '良好'] });
    // 1: 10 → 30, 2: 10 → 10: U 24.003 + 8 = 32.003 / 40 = 80.0075 → 80.01; V 24 + 8 = 32 / 40 = 80
    expect(standing(computeWhatIf(group, { '1': 30 }))).toEqual({ U: [80.01, 1, '良好'], V: [80, 2, '良好'] });
  });

  it('refuses unknown indicators, negative points and more than 3 decimals', () => {
    const group = plainGroup();
    expect(() => resolveScenarioPoints(group, { '9': 10 })).toThrow('一级指标 9 不存在');
    expect(() => resolveScenarioPoints(group, { '1': -1 })).toThrow('最多三位小数');
    expect(() => resolveScenarioPoints(group, { '1': 1.2345 })).toThrow('最多三位小数');
    expect([...resolveScenarioPoints(group, { '1': 12.5 })]).toEqual([12_500, 40_000]);
  });

  it('compares two scenarios side by side', () => {
    const group = plainGroup();
    const rows = compareWhatIfResults(computeWhatIf(group, { '1': 80, '2': 20 }), computeWhatIf(group, { '2': 0 }));
    // U1: 82 (1) vs 90 (1); U2: 74 (3) vs 70 (3); U3: 78 (2) vs 80 (2)
    expect(rows.map((r) => [r.unit, r.first.final, r.second.final, r.rankDifference, r.isDifferent])).toEqual([
      ['U2', 74, 70, 0, true],
      ['U3', 78, 80, 0, true],
      ['U1', 82, 90, 0, true],
    ]);
  });
});
