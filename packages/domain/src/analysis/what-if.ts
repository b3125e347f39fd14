// What-if weights (issue #7): a group's scores, ranks and grades under other level-1 points
// (an indicator dropped = 0 points), beside the official ones. Never changes official
// results. With the official points it reproduces the official final, rank and grade
// exactly (see score-scenario.ts for why every final is exact).
import { assignGrades } from '../scoring/assign-grades';
import { milliToNumber, numberToMilli } from '../scoring/decimal';
import type { AnalysisGroup } from './analysis-group';
import { computeScenarioFinals, createRankOrder, NO_FINAL, rankScenarioFinals, type RankOrder } from './score-scenario';

export interface ScenarioIndicator {
  code: string;
  name: string;
  officialPoints: number;
  points: number;
}

export interface ScenarioStanding {
  /** Two places; null when unscored (no applicable points left). */
  final: number | null;
  rank: number | null;
  grade: string | null;
}

export interface WhatIfRow {
  unit: string;
  name: string;
  official: ScenarioStanding;
  scenario: ScenarioStanding & { isQuotaDemoted: boolean };
  /** official rank − scenario rank (positive = moves up); null unless ranked in both. */
  rankChange: number | null;
  /** scenario final − official final, two places; null unless scored in both. */
  finalChange: number | null;
  isRankChanged: boolean;
  isGradeChanged: boolean;
}

export interface WhatIfResult {
  indicators: ScenarioIndicator[];
  officialTotal: number;
  total: number;
  /** In official order (ranked by rank, then the unranked). */
  rows: WhatIfRow[];
  /** Units whose rank or grade changes. */
  changedCount: number;
}

/** Level-1 points by indicator code; codes left out keep their official points. */
export type ScenarioPoints = Readonly<Record<string, number>>;

/**
 * The scenario's points in thousandths, indicator order. Throws a RangeError (Chinese) for
 * an unknown code, a negative value, more than 3 decimals, or points given to an
 * indicator whose official points are 0 (there is no earned share to rescale).
 */
export function resolveScenarioPoints(group: Pick<AnalysisGroup, 'indicators'>, points: ScenarioPoints): Int32Array {
  const known = new Set(group.indicators.map((i) => i.code));
  for (const code of Object.keys(points)) if (!known.has(code)) throw new RangeError(`一级指标 ${code} 不存在`);
  return Int32Array.from(group.indicators, (indicator) => {
    const value = points[indicator.code];
    if (value === undefined) return indicator.points;
    const milli = numberToMilli(value);
    if (milli === null || milli > 1_000_000_000)
      throw new RangeError(`一级指标 ${indicator.code} 的分值 ${String(value)} 应为 0–1000000 之间、最多三位小数的数`);
    if (indicator.points === 0 && milli !== 0) throw new RangeError(`一级指标 ${indicator.code} 原分值为 0,无法按得分率换算新分值`);
    return milli;
  });
}

/** Reusable buffers for repeated recomputes of one group (a slider being dragged). */
export interface WhatIfScratch {
  finals: Int32Array;
  ranks: Int32Array;
  rankOrder: RankOrder;
  ratio: Float64Array;
}

export function createWhatIfScratch(group: AnalysisGroup): WhatIfScratch {
  const n = group.units.length;
  return {
    finals: new Int32Array(n),
    ranks: new Int32Array(n),
    rankOrder: createRankOrder(n),
    ratio: new Float64Array(group.indicators.length),
  };
}

/**
 * The typed core: finals (hundredths) and ranks (0 = none) under `points` (thousandths),
 * into `scratch`. No allocation; this is what a slider drag costs.
 */
export function recomputeScenario(group: AnalysisGroup, points: ArrayLike<number>, scratch: WhatIfScratch): void {
  computeScenarioFinals(group, points, scratch.finals, scratch.ratio);
  rankScenarioFinals(scratch.finals, group.isVetoFail, scratch.ranks, scratch.rankOrder);
}

export function computeWhatIf(
  group: AnalysisGroup,
  points: ScenarioPoints,
  scratch: WhatIfScratch = createWhatIfScratch(group),
): WhatIfResult {
  const resolved = resolveScenarioPoints(group, points);
  recomputeScenario(group, resolved, scratch);
  const { finals, ranks } = scratch;
  const grades = assignGrades(
    group.grading,
    group.units.map((_, u) => {
      const f = finals[u] ?? NO_FINAL;
      const r = ranks[u] ?? 0;
      return { finalHundredths: f === NO_FINAL ? null : f, rank: r === 0 ? null : r, isVetoFail: group.isVetoFail[u] === 1 };
    }),
  );
  let changedCount = 0;
  const rows = group.units.map((unit, u): WhatIfRow => {
    const f = finals[u] ?? NO_FINAL;
    const r = ranks[u] ?? 0;
    const grade = grades[u] ?? { grade: null, isQuotaDemoted: false };
    const scenario = {
      final: f === NO_FINAL ? null : f / 100,
      rank: r === 0 ? null : r,
      grade: grade.grade,
      isQuotaDemoted: grade.isQuotaDemoted,
    };
    const isRankChanged = scenario.rank !== unit.officialRank;
    const isGradeChanged = scenario.grade !== unit.officialGrade;
    if (isRankChanged || isGradeChanged) changedCount++;
    return {
      unit: unit.unit,
      name: unit.name,
      official: {
        final: unit.officialFinal === null ? null : unit.officialFinal / 100,
        rank: unit.officialRank,
        grade: unit.officialGrade,
      },
      scenario,
      rankChange: unit.officialRank !== null && scenario.rank !== null ? unit.officialRank - scenario.rank : null,
      finalChange: unit.officialFinal !== null && f !== NO_FINAL ? (f - unit.officialFinal) / 100 : null,
      isRankChanged,
      isGradeChanged,
    };
  });
  const indicators = group.indicators.map((indicator, i): ScenarioIndicator => ({
    code: indicator.code,
    name: indicator.name,
    officialPoints: milliToNumber(indicator.points),
    points: milliToNumber(resolved[i] ?? 0),
  }));
  let officialTotal = 0;
  let total = 0;
  group.indicators.forEach((indicator, i) => {
    officialTotal += indicator.points;
    total += resolved[i] ?? 0;
  });
  return { indicators, officialTotal: milliToNumber(officialTotal), total: milliToNumber(total), rows, changedCount };
}

export interface ScenarioComparisonRow {
  unit: string;
  name: string;
  official: ScenarioStanding;
  first: ScenarioStanding;
  second: ScenarioStanding;
  /** first rank − second rank (positive = the second scenario ranks the unit higher). */
  rankDifference: number | null;
  isDifferent: boolean;
}

/** Two what-if results of the same group side by side (for "compare two scenarios"). */
export function compareWhatIfResults(first: WhatIfResult, second: WhatIfResult): ScenarioComparisonRow[] {
  const byUnit = new Map(second.rows.map((r) => [r.unit, r]));
  return first.rows.map((row) => {
    const other = byUnit.get(row.unit);
    if (other === undefined) throw new RangeError(`两个方案的单位不一致:${row.unit}`);
    const a = row.scenario;
    const b = other.scenario;
    return {
      unit: row.unit,
      name: row.name,
      official: row.official,
      first: { final: a.final, rank: a.rank, grade: a.grade },
      second: { final: b.final, rank: b.rank, grade: b.grade },
      rankDifference: a.rank !== null && b.rank !== null ? a.rank - b.rank : null,
      isDifferent: a.final !== b.final || a.rank !== b.rank || a.grade !== b.grade,
    };
  });
}
