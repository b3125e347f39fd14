// Thin adapter from the domain's explanation (explainUnit: each indicator's contribution from 0
// up, then major deductions, bonus, a veto cap) to the score-waterfall builder's view (from full
// marks down by the points each indicator lost). Running totals are rounded to hundredths and the
// last indicator ends exactly where the domain's does, so the bars still add up to the final.
import type { ScoreWaterfallView, WaterfallStep } from '../../charts/options/score-waterfall';
import type { ChartLabels } from '../../charts/chart-labels';

export interface ExplanationForWaterfall {
  final: number | null;
  applicableMax: number;
  indicators: readonly { code: string; name: string; applicablePoints: number; lost: number }[];
  waterfall: readonly { kind: 'indicator' | 'major' | 'bonus' | 'veto-cap'; value: number; end: number }[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function waterfallViewOf(
  explanation: ExplanationForWaterfall,
  labels: Pick<ChartLabels, 'majorDeduction' | 'bonus' | 'vetoCap'>,
): ScoreWaterfallView | null {
  const { applicableMax: max, final } = explanation;
  if (final === null || max <= 0) return null;
  const indicatorEnds = explanation.waterfall.filter((s) => s.kind === 'indicator');
  const baseEnd =
    indicatorEnds[indicatorEnds.length - 1]?.end ?? round2(100 - (explanation.indicators.reduce((s, i) => s + i.lost, 0) * 100) / max);
  const steps: WaterfallStep[] = [];
  let previous = 100;
  let lost = 0;
  const applicable = explanation.indicators.filter((i) => i.applicablePoints > 0);
  applicable.forEach((indicator, i) => {
    lost += indicator.lost;
    const total = i === applicable.length - 1 ? baseEnd : round2(100 - (lost * 100) / max);
    steps.push({ kind: 'loss', label: indicator.name, delta: round2(total - previous) });
    previous = total;
  });
  for (const step of explanation.waterfall) {
    if (step.kind === 'major') steps.push({ kind: 'major', label: labels.majorDeduction, delta: step.value });
    if (step.kind === 'bonus') steps.push({ kind: 'bonus', label: labels.bonus, delta: step.value });
    if (step.kind === 'veto-cap') steps.push({ kind: 'veto-cap', label: labels.vetoCap, delta: step.value });
  }
  return { full: 100, steps, final };
}
