// Pure mappings from the domain's analysis results to what the chart builders draw. No React,
// no ECharts: tested beside this file.
import type { CompiledBand } from '@kaoping/domain/scoring/compile-scheme';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';
import type { UnitExplanation } from '@kaoping/domain/analysis/explain-unit';
import type { RankStabilityResult } from '@kaoping/domain/analysis/rank-stability';
import type { WhatIfResult } from '@kaoping/domain/analysis/what-if';
import type { ChartLabels } from '../../charts/chart-labels';
import type { RankingUnit } from '../../charts/options/ranking-bar';
import type { ScoreWaterfallView, WaterfallStep } from '../../charts/options/score-waterfall';
import type { WhatIfUnit } from '../../charts/options/what-if-comparison';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The pass line: the lowest band above 0 (合格 in the usual four bands); null when none. */
export function passScoreOf(bands: readonly CompiledBand[]): number | null {
  const passing = bands.filter((b) => b.min > 0);
  const lowest = passing[passing.length - 1];
  return lowest === undefined ? null : milliToNumber(lowest.min);
}

/** Each unit's official and scenario standing, for the what-if comparison chart. */
export function toWhatIfUnits(result: WhatIfResult): WhatIfUnit[] {
  return result.rows.map((row) => ({
    key: row.unit,
    name: row.name,
    official: { score: row.official.final, rank: row.official.rank, grade: row.official.grade },
    scenario: { score: row.scenario.final, rank: row.scenario.rank, grade: row.scenario.grade },
  }));
}

/** Units in a pair whose order is not robust (either side), and the upper unit of each such pair. */
export function notRobustUnits(stability: RankStabilityResult): { any: Set<string>; upper: Set<string> } {
  const any = new Set<string>();
  const upper = new Set<string>();
  for (const pair of stability.pairs) {
    if (pair.status !== 'not-significant') continue;
    any.add(pair.upper);
    any.add(pair.lower);
    upper.add(pair.upper);
  }
  return { any, upper };
}

export interface OfficialRow {
  unit: string;
  name: string;
  final: number | null;
  rank: number | null;
  rankDelta: number | null;
  grade: string | null;
  isVetoFail: boolean;
}

/**
 * The official ranking with each unit's median rank and 5–95% interval; the ranking chart marks
 * a unit whose order against the next unit down is not robust.
 */
export function toStabilityRankingUnits(official: readonly OfficialRow[], stability: RankStabilityResult | null): RankingUnit[] {
  const byUnit = new Map((stability?.units ?? []).map((u) => [u.unit, u]));
  const upper = stability ? notRobustUnits(stability).upper : new Set<string>();
  return official.map((row) => {
    const s = byUnit.get(row.unit);
    return {
      key: row.unit,
      name: row.name,
      score: row.final,
      rank: row.rank,
      rankDelta: row.rankDelta,
      grade: row.grade,
      isVetoFail: row.isVetoFail,
      interval: s ? { low: s.lowRank, high: s.highRank, median: s.medianRank } : null,
      isNotRobust: upper.has(row.unit),
    };
  });
}

/**
 * The score-waterfall builder's view of an explanation: from full marks (100), each applicable
 * level-1 indicator's lost points on the final's scale, then major deductions, bonus and a veto
 * cap, down to the official final. Each loss bar is a difference of rounded running totals of the
 * lost points, so an indicator that lost nothing shows exactly 0; the last one lands on the
 * domain's exact running total (rounded half up, as the engine), and the remaining bars are the
 * domain's own, so the bars add up to the official final to the hundredth.
 */
export function toWaterfallView(
  explanation: UnitExplanation,
  labels: Pick<ChartLabels, 'majorDeduction' | 'bonus' | 'vetoCap' | 'subtotal'>,
): ScoreWaterfallView | null {
  if (explanation.final === null || explanation.applicableMax <= 0) return null;
  const indicatorSteps = explanation.waterfall.filter((s) => s.kind === 'indicator');
  const afterIndicators = indicatorSteps[indicatorSteps.length - 1]?.end ?? 0;
  const applicable = explanation.indicators.filter((i) => i.applicablePoints > 0);
  const steps: WaterfallStep[] = [];
  let lost = 0;
  let previous = 0;
  applicable.forEach((indicator, i) => {
    lost += indicator.lost;
    const running = i === applicable.length - 1 ? round2(100 - afterIndicators) : round2((lost / explanation.applicableMax) * 100);
    steps.push({ kind: 'loss', label: indicator.name, delta: round2(previous - running) });
    previous = running;
  });
  const others = explanation.waterfall.filter((s) => s.kind !== 'indicator');
  if (others.length > 0) steps.push({ kind: 'subtotal', label: labels.subtotal, delta: 0 });
  for (const step of others) {
    const label = step.kind === 'major' ? labels.majorDeduction : step.kind === 'bonus' ? labels.bonus : labels.vetoCap;
    steps.push({ kind: step.kind === 'indicator' ? 'loss' : step.kind, label, delta: step.value });
  }
  return { full: 100, steps, final: explanation.final };
}

/** A rank change for a table cell: ▲2 / ▼1 / – / '' (see chart-format's formatRankDelta). */
export function rankChangeTone(change: number | null): 'up' | 'down' | 'same' | 'none' {
  if (change === null) return 'none';
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}

/** Points for an input box: at most 3 decimals, no float noise. */
export function roundPoints(points: number): number {
  return Math.round(points * 1000) / 1000;
}

/** Whether a scenario's points equal the official ones (nothing to save or compare). */
export function isOfficialPoints(
  points: Readonly<Record<string, number>>,
  indicators: readonly { code: string; points: number }[],
): boolean {
  return indicators.every((i) => roundPoints(points[i.code] ?? milliToNumber(i.points)) === milliToNumber(i.points));
}
