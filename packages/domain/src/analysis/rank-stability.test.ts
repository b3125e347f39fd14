// Rank stability and leave-one-out on small groups worked out by hand.
import { describe, expect, it } from 'vitest';
import { plainGroup, splitGroup } from '../../test/analysis/analysis-golden-cases';
import { apportionPoints, computeLeaveOneOut, computeRankStability, NOT_SIGNIFICANT_LABEL } from './rank-stability';
import { createSeededRandom } from '../random/seeded-random';

describe('seeded random', () => {
  it('is mulberry32: seed 1 starts 2693262067 / 2³² = 0.6270739405881613 on every platform', () => {
    const random = createSeededRandom(1);
    expect([random(), random(), random()].map((x) => x * 2 ** 32)).toEqual([2693262067, 11749833, 2265367787]);
  });
});

describe('apportionPoints', () => {
  it('rescales to the total exactly, largest remainder first', () => {
    const out = new Int32Array(3);
    // 1 : 1 : 1 of 100 000 → 33 333.33 each, floors 99 999, one left → the first (ties: lower index)
    apportionPoints([1, 1, 1], 100_000, out);
    expect([...out]).toEqual([33_334, 33_333, 33_333]);
    // 0.9 × 60 000 = 54 000 and 1.1 × 40 000 = 44 000, sum 98 000; × 100/98:
    // 55 102.04… and 44 897.95… → floors 55 102 + 44 897 = 99 999, the larger remainder (.95) gets 1
    const two = new Int32Array(2);
    apportionPoints([54_000, 44_000], 100_000, two);
    expect([...two]).toEqual([55_102, 44_898]);
  });

  it('gives back the official points when nothing is perturbed, and keeps positive indicators positive', () => {
    const out = new Int32Array(3);
    apportionPoints([60_000, 39_999, 1], 100_000, out);
    expect([...out]).toEqual([60_000, 39_999, 1]);
    // 1e-6 of a share would round to 0: it keeps 1 thousandth, taken from the largest
    apportionPoints([99_999.999, 0.000001, 0], 100_000, out);
    expect([...out]).toEqual([99_999, 1, 0]);
  });
});

describe('rank stability (by hand)', () => {
  it('marks the pairs whose order rests on the weights, and leaves the rest robust', () => {
    // w = new points of indicator 1, 100 − w of 2; w = 100 f1 / (f1 + f2), f ~ U[0.8, 1.2]:
    //   Y above X  ⇔ 0.998 (100 − w) > w     ⇔ w < 49.95   ⇔ f1/f2 < 0.998   P ≈ 0.495
    //   Z above Y  ⇔ 50 − 0.02 w > 0.998 (100 − w) ⇔ w > 50.92 ⇔ f1/f2 > 1.0375   P ≈ 0.412
    //   W above Z  never (W earns nothing)
    const result = computeRankStability(splitGroup(), { draws: 2000, seed: 7 });
    const [xy, yz, zw] = result.pairs;
    expect(xy).toMatchObject({ upper: 'X', lower: 'Y', status: 'not-significant', label: NOT_SIGNIFICANT_LABEL });
    expect(xy?.flipShare).toBeCloseTo(0.495, 1);
    expect(yz).toMatchObject({ upper: 'Y', lower: 'Z', status: 'not-significant' });
    expect(Math.abs((yz?.flipShare ?? 0) - 0.412)).toBeLessThan(0.05);
    expect(zw).toMatchObject({ upper: 'Z', lower: 'W', flipShare: 0, status: 'robust', label: null });
    const w = result.units.find((u) => u.unit === 'W');
    expect(w).toMatchObject({ officialRank: 4, medianRank: 4, lowRank: 4, highRank: 4, keepShare: 1 });
    const x = result.units.find((u) => u.unit === 'X');
    // X is first or second in most draws, never last
    expect(x?.lowRank).toBe(1);
    expect(x?.worstRank).toBeLessThanOrEqual(3);
    expect(result.total).toBe(100);
  });

  it('with a ±0% perturbation every unit keeps its rank in every draw', () => {
    const result = computeRankStability(splitGroup(), { perturbation: 0, draws: 50 });
    for (const unit of result.units) {
      expect([unit.lowRank, unit.medianRank, unit.highRank, unit.bestRank, unit.worstRank, unit.keepShare]).toEqual([
        unit.officialRank,
        unit.officialRank,
        unit.officialRank,
        unit.officialRank,
        unit.officialRank,
        1,
      ]);
    }
    expect(result.pairs.every((p) => p.flipShare === 0 && p.status === 'robust')).toBe(true);
  });

  it('refuses options out of range', () => {
    const group = plainGroup();
    expect(() => computeRankStability(group, { perturbation: 1 })).toThrow('扰动幅度');
    expect(() => computeRankStability(group, { draws: 0 })).toThrow('抽样次数');
    expect(() => computeRankStability(group, { seed: -1 })).toThrow('随机种子');
    expect(() => computeRankStability(group, { flipThreshold: 1.5 })).toThrow('阈值');
  });
});

describe('leave one indicator out (by hand)', () => {
  it('ranks the group with each level-1 indicator removed', () => {
    // official: U2 78 (1), U3 76 (2), U1 74 (3)
    // without 1 (only 2, of 40): U1 20/40 = 50, U2 36/40 = 90, U3 28/40 = 70 → U2 1, U3 2, U1 3
    // without 2 (only 1, of 60): U1 54/60 = 90, U2 42/60 = 70, U3 48/60 = 80 → U1 1, U3 2, U2 3
    const result = computeLeaveOneOut(plainGroup());
    expect(result.units.map((u) => [u.unit, u.officialRank, u.ranks, u.finals])).toEqual([
      ['U2', 1, [1, 3], [90, 70]],
      ['U3', 2, [2, 2], [70, 80]],
      ['U1', 3, [3, 1], [50, 90]],
    ]);
    expect(result.indicators.map((i) => [i.code, i.changedCount, i.maxShift])).toEqual([
      ['1', 0, 0],
      ['2', 2, 2],
    ]);
  });
});
