// Explanations on a unit's profile (issue #7): what each level-1 indicator contributed to
// the final, as a waterfall that sums exactly to the official final; the gap to the unit
// ranked just above; the indicators where the unit lost the most relative to its group.
//
// Scale. The final is a percentage of the unit's applicable maximum (spec §2), so an
// indicator's contribution to it is earned / applicableMax × 100 (the earned points
// themselves when the maximum is 100). The waterfall runs on that scale: indicators in
// scheme order, then the major deductions (as far as they bite: base − major stops at 0),
// the bonus (when the gate is reached), the cap veto (what it took off).
//
// Exact sums. The running total after each step is an exact rational (bigint, the
// engine's formula); each bar shows the running total rounded half up to 2 places minus
// the previous rounded running total. So the bars add up to the official final to the
// hundredth, and no bar is more than 0.01 away from its exact value. The gap and the
// group comparison are display figures rounded to 2 places.
import { milliToNumber, roundMicroRatioToHundredths } from '../scoring/decimal';
import type { AnalysisGroup } from './analysis-group';
import { NO_FINAL } from './score-scenario';

export interface IndicatorContribution {
  code: string;
  name: string;
  /** The scheme's points. */
  points: number;
  /** Points counting toward the applicable maximum (0 when the indicator does not apply). */
  applicablePoints: number;
  earned: number;
  /** applicablePoints − earned. */
  lost: number;
  /** Contribution to the final, two places (the waterfall bar). */
  contribution: number;
}

export type WaterfallStepKind = 'indicator' | 'major' | 'bonus' | 'veto-cap';

export interface WaterfallStep {
  kind: WaterfallStepKind;
  /** Indicator code, or null for major/bonus/veto steps. */
  code: string | null;
  label: string;
  /** The bar: signed, two places. Σ value over the steps = final. */
  value: number;
  /** Running total before and after this bar, two places. */
  start: number;
  end: number;
}

export interface GapIndicator {
  code: string;
  name: string;
  /** Contributions to the final (score scale), two places. */
  own: number;
  other: number;
  difference: number;
}

export interface GapToAbove {
  unit: string;
  name: string;
  rank: number;
  final: number;
  /** Their final − this unit's final, two places (exact). */
  gap: number;
  /** Indicators where the unit above contributed more, largest difference first. */
  indicators: GapIndicator[];
}

export interface RelativeLoss {
  code: string;
  name: string;
  applicablePoints: number;
  /** Points the unit lost on the indicator. */
  lost: number;
  /** Points a unit with the group's average score rate would lose on the same maximum. */
  groupAverageLost: number;
  /** lost − groupAverageLost, > 0, two places. */
  excessLost: number;
}

export interface UnitExplanation {
  unit: string;
  name: string;
  final: number | null;
  rank: number | null;
  grade: string | null;
  isVetoFail: boolean;
  applicableMax: number;
  indicators: IndicatorContribution[];
  /** Empty when unscored. */
  waterfall: WaterfallStep[];
  /** Null for rank 1 and for unranked units. */
  gapToAbove: GapToAbove | null;
  /** Largest excess loss first; only indicators where the unit did worse than average. */
  relativeLosses: RelativeLoss[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Contributions (score scale) of unit u's indicators, as floats for display. */
function contributionsOf(group: AnalysisGroup, u: number): number[] {
  const k = group.indicators.length;
  let max = 0;
  for (let i = 0; i < k; i++) max += group.applicable[u * k + i] ?? 0;
  return group.indicators.map((_, i) => (max > 0 ? ((group.earned[u * k + i] ?? 0) * 100) / max : 0));
}

export function explainUnit(group: AnalysisGroup, unitCode: string): UnitExplanation {
  const u = group.units.findIndex((x) => x.unit === unitCode);
  const unit = group.units[u];
  if (unit === undefined) throw new RangeError(`单位 ${unitCode} 不在分组 ${group.groupCode} 中`);
  const k = group.indicators.length;
  let maxMicro = 0;
  for (let i = 0; i < k; i++) maxMicro += group.applicable[u * k + i] ?? 0;

  // waterfall: exact running totals as micro-percent numerators over den = applicableMax
  const waterfall: WaterfallStep[] = [];
  const den = BigInt(maxMicro);
  const steps: { kind: WaterfallStepKind; code: string | null; label: string; running: bigint }[] = [];
  if (maxMicro > 0) {
    let base = 0n;
    group.indicators.forEach((indicator, i) => {
      base += BigInt(group.earned[u * k + i] ?? 0);
      steps.push({ kind: 'indicator', code: indicator.code, label: indicator.name, running: base * 100_000_000n });
    });
    const major = group.major[u] ?? 0;
    let net = base;
    if (major > 0) {
      net = base - BigInt(major) * 1000n;
      if (net < 0n) net = 0n;
      steps.push({ kind: 'major', code: null, label: '重大扣分', running: net * 100_000_000n });
    }
    let num = net * 100_000_000n;
    const bonus = group.bonus[u] ?? 0;
    if (bonus > 0 && group.bonusGate >= 0 && num >= BigInt(group.bonusGate) * 1000n * den) {
      num += BigInt(bonus) * 1000n * den;
      steps.push({ kind: 'bonus', code: null, label: '加分', running: num });
    }
    const cap = group.capTo[u] ?? -1;
    if (cap >= 0 && num > BigInt(cap) * 1000n * den) {
      num = BigInt(cap) * 1000n * den;
      steps.push({ kind: 'veto-cap', code: null, label: '否决项封顶', running: num });
    }
    let previous = 0;
    for (const step of steps) {
      const end = roundMicroRatioToHundredths(step.running, den);
      waterfall.push({
        kind: step.kind,
        code: step.code,
        label: step.label,
        value: (end - previous) / 100,
        start: previous / 100,
        end: end / 100,
      });
      previous = end;
    }
  }

  const indicators = group.indicators.map((indicator, i): IndicatorContribution => {
    const applicable = group.applicable[u * k + i] ?? 0;
    const earned = group.earned[u * k + i] ?? 0;
    const bar = waterfall[i];
    return {
      code: indicator.code,
      name: indicator.name,
      points: milliToNumber(indicator.points),
      applicablePoints: applicable / 1e6,
      earned: earned / 1e6,
      lost: (applicable - earned) / 1e6,
      contribution: bar?.kind === 'indicator' ? bar.value : 0,
    };
  });

  return {
    unit: unit.unit,
    name: unit.name,
    final: unit.officialFinal === null ? null : unit.officialFinal / 100,
    rank: unit.officialRank,
    grade: unit.officialGrade,
    isVetoFail: unit.isVetoFail,
    applicableMax: maxMicro / 1e6,
    indicators,
    waterfall,
    gapToAbove: findGapToAbove(group, u),
    relativeLosses: findRelativeLosses(group, u),
  };
}

/** The nearest better-ranked unit (first in official order on a tie) and where it gained. */
function findGapToAbove(group: AnalysisGroup, u: number): GapToAbove | null {
  const rank = group.officialRanks[u] ?? 0;
  if (rank <= 1) return null;
  let above = -1;
  let aboveRank = 0;
  group.units.forEach((_, v) => {
    const r = group.officialRanks[v] ?? 0;
    if (r > 0 && r < rank && r > aboveRank) {
      above = v;
      aboveRank = r;
    }
  });
  const other = group.units[above];
  const otherFinal = group.officialFinals[above] ?? NO_FINAL;
  const ownFinal = group.officialFinals[u] ?? NO_FINAL;
  if (other === undefined || otherFinal === NO_FINAL || ownFinal === NO_FINAL) return null;
  const own = contributionsOf(group, u);
  const theirs = contributionsOf(group, above);
  const indicators: GapIndicator[] = [];
  group.indicators.forEach((indicator, i) => {
    const a = own[i] ?? 0;
    const b = theirs[i] ?? 0;
    const difference = round2(b - a);
    if (difference > 0) indicators.push({ code: indicator.code, name: indicator.name, own: round2(a), other: round2(b), difference });
  });
  indicators.sort((x, y) => y.difference - x.difference);
  return { unit: other.unit, name: other.name, rank: aboveRank, final: otherFinal / 100, gap: (otherFinal - ownFinal) / 100, indicators };
}

/**
 * Per indicator the group's average score rate (earned / applicable) over the scored units
 * to which it applies (vetoed units included: a veto does not change indicator scores);
 * the unit's excess loss is (average rate − its rate) × its applicable points.
 */
function findRelativeLosses(group: AnalysisGroup, u: number): RelativeLoss[] {
  const k = group.indicators.length;
  const n = group.units.length;
  const losses: RelativeLoss[] = [];
  group.indicators.forEach((indicator, i) => {
    const applicable = group.applicable[u * k + i] ?? 0;
    if (applicable <= 0) return;
    let rateSum = 0;
    let count = 0;
    for (let v = 0; v < n; v++) {
      const a = group.applicable[v * k + i] ?? 0;
      if (a > 0 && (group.officialFinals[v] ?? NO_FINAL) !== NO_FINAL) {
        rateSum += (group.earned[v * k + i] ?? 0) / a;
        count++;
      }
    }
    if (count === 0) return;
    const earned = group.earned[u * k + i] ?? 0;
    const lost = (applicable - earned) / 1e6;
    const groupAverageLost = ((1 - rateSum / count) * applicable) / 1e6;
    const excessLost = round2(lost - groupAverageLost);
    if (excessLost > 0) {
      losses.push({
        code: indicator.code,
        name: indicator.name,
        applicablePoints: applicable / 1e6,
        lost,
        groupAverageLost: round2(groupAverageLost),
        excessLost,
      });
    }
  });
  losses.sort((a, b) => b.excessLost - a.excessLost || (a.code < b.code ? -1 : 1));
  return losses;
}
