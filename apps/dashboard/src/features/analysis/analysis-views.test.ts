import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsGroup, excludedGroup, splitGroup } from '@kaoping/domain/test/analysis/analysis-golden-cases';
import { randomCaseArb, runCase } from '@kaoping/domain/test/analysis/analysis-test-cases';
import { explainUnit } from '@kaoping/domain/analysis/explain-unit';
import { computeRankStability } from '@kaoping/domain/analysis/rank-stability';
import { computeWhatIf } from '@kaoping/domain/analysis/what-if';
import { defaultChartLabels } from '../../charts/chart-labels';
import { layOutWaterfall } from '../../charts/options/score-waterfall';
import { isOfficialPoints, notRobustUnits, passScoreOf, toStabilityRankingUnits, toWaterfallView, toWhatIfUnits } from './analysis-views';

describe('analysis views', () => {
  it('takes the pass line from the lowest band above 0', () => {
    expect(
      passScoreOf([
        { grade: '优秀', min: 90_000 },
        { grade: '良好', min: 80_000 },
        { grade: '合格', min: 60_000 },
        { grade: '不合格', min: 0 },
      ]),
    ).toBe(60);
    expect(passScoreOf([{ grade: '不合格', min: 0 }])).toBeNull();
  });

  it('lays out a waterfall from full marks that lands exactly on the official final', () => {
    for (const [group, unit] of [
      [eventsGroup(), 'A'],
      [eventsGroup(), 'B'],
      [eventsGroup(), 'C'],
      [excludedGroup(), 'B1'],
      [excludedGroup(), 'B2'],
    ] as const) {
      const explanation = explainUnit(group, unit);
      const view = toWaterfallView(explanation, defaultChartLabels);
      if (view === null) throw new Error('no view');
      const bars = layOutWaterfall(view, defaultChartLabels);
      // the running total before the final bar is the final itself
      expect(bars[bars.length - 2]?.total, `${group.groupCode}/${unit}`).toBeCloseTo(explanation.final ?? -1, 9);
      // no loss bar goes up; an indicator that lost nothing shows 0
      for (const [i, step] of view.steps.entries())
        if (step.kind === 'loss') expect(step.delta, `${unit} step ${i}`).toBeLessThanOrEqual(0);
    }
  });

  it('lands exactly on the final on random schemes, losses never positive', () => {
    fc.assert(
      fc.property(randomCaseArb, (c) => {
        for (const group of runCase(c).groups) {
          for (const unit of group.units) {
            const explanation = explainUnit(group, unit.unit);
            const view = toWaterfallView(explanation, defaultChartLabels);
            if (view === null) continue;
            const bars = layOutWaterfall(view, defaultChartLabels);
            expect(bars[bars.length - 2]?.total).toBeCloseTo(explanation.final ?? -1, 9);
            for (const step of view.steps) if (step.kind === 'loss') expect(step.delta).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('shows lost points on the final scale, then the major deduction and bonus after a subtotal', () => {
    // B: 50 of 50 and 35 of 50 on a maximum of 100, major −5, bonus +2 → 82
    const view = toWaterfallView(explainUnit(eventsGroup(), 'B'), defaultChartLabels);
    expect(view?.steps.map((s) => [s.kind, s.delta])).toEqual([
      ['loss', 0],
      ['loss', -15],
      ['subtotal', 0],
      ['major', -5],
      ['bonus', 2],
    ]);
    expect(view?.final).toBe(82);
  });

  it('maps what-if rows and stability to the chart views', () => {
    const group = splitGroup();
    const whatIf = computeWhatIf(group, {});
    expect(toWhatIfUnits(whatIf).map((u) => [u.key, u.official.score, u.scenario.score])).toEqual(
      whatIf.rows.map((r) => [r.unit, r.official.final, r.official.final]),
    );
    const stability = computeRankStability(group, { draws: 200, perturbation: 0.5 });
    const official = group.units.map((u) => ({
      unit: u.unit,
      name: u.name,
      final: u.officialFinal === null ? null : u.officialFinal / 100,
      rank: u.officialRank,
      rankDelta: null,
      grade: u.officialGrade,
      isVetoFail: u.isVetoFail,
    }));
    const units = toStabilityRankingUnits(official, stability);
    const { upper } = notRobustUnits(stability);
    for (const u of units) {
      const s = stability.units.find((x) => x.unit === u.key);
      expect(u.interval).toEqual(s ? { low: s.lowRank, high: s.highRank, median: s.medianRank } : null);
      expect(u.isNotRobust).toBe(upper.has(u.key));
    }
    expect(toStabilityRankingUnits(official, null).every((u) => u.interval === null && u.isNotRobust === false)).toBe(true);
  });

  it('knows the official points', () => {
    const indicators = [
      { code: '1', points: 40_000 },
      { code: '2', points: 60_000 },
    ];
    expect(isOfficialPoints({}, indicators)).toBe(true);
    expect(isOfficialPoints({ '1': 40, '2': 60 }, indicators)).toBe(true);
    expect(isOfficialPoints({ '1': 40.5 }, indicators)).toBe(false);
  });
});
