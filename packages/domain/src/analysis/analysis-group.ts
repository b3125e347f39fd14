// The adapter between the scoring engine's results and the analysis views (issue #7).
// One group of one period is laid out once in typed arrays, per unit × level-1 indicator:
// what the unit earned and the points that counted toward its applicable maximum (after
// applicability and `na`), plus its major deductions, bonus, cap and fail vetoes. Every
// what-if, stability draw and explanation then works on these arrays alone.
//
// Everything is exact integers: earned and applicable points in millionths (as the
// engine holds them), major/bonus/cap/points in thousandths, finals in hundredths. The
// engine exposes them as decimals (micro / 10⁶); `Math.round(x × 10⁶)` recovers the
// integer exactly. `prepareAnalysisGroup` re-derives every official final from the
// arrays and refuses the group if one differs, so the adapter cannot drift silently.
import type { CompiledBand, CompiledScheme } from '../scoring/compile-scheme';
import type { GroupResults, UnitPeriodResult } from '../scoring/scoring-result';
import { computeScenarioFinals, NO_FINAL } from './score-scenario';

export interface AnalysisIndicator {
  code: string;
  name: string;
  /** The scheme's points, thousandths. */
  points: number;
}

export interface AnalysisUnit {
  unit: string;
  name: string;
  /** Official final, integer hundredths; null when unscored. */
  officialFinal: number | null;
  officialRank: number | null;
  officialGrade: string | null;
  isVetoFail: boolean;
  /** Codes of the unit's triggered vetoes (fail and cap). */
  vetoes: readonly string[];
}

export interface AnalysisGroup {
  schemeCode: string;
  period: string;
  groupCode: string;
  groupName: string;
  /** Level-1 indicators in scheme order. */
  indicators: readonly AnalysisIndicator[];
  /** In the engine's official order: ranked by rank (ties by code), then the unranked. */
  units: readonly AnalysisUnit[];
  grading: { bands: readonly CompiledBand[]; quota: CompiledScheme['quota'] };
  /** Bonus gate, thousandths of a score point; −1 when the scheme has no bonus. */
  bonusGate: number;
  /** Unit-major [unit × indicator]: earned, millionths (level-1 node, after clamping). */
  earned: Float64Array;
  /** Unit-major [unit × indicator]: points counting toward applicableMax, millionths. */
  applicable: Float64Array;
  /** Major deductions, thousandths. */
  major: Float64Array;
  /** Bonus the unit would receive above the gate: min(Σ items, cap), thousandths (0 = none). */
  bonus: Float64Array;
  /** Lowest cap of a triggered cap veto, thousandths; −1 when none. */
  capTo: Float64Array;
  /** 1 when a fail veto was triggered (no rank, lowest grade). */
  isVetoFail: Uint8Array;
  /** Official finals, hundredths; NO_FINAL when unscored. */
  officialFinals: Int32Array;
  /** Official ranks; 0 when unranked. */
  officialRanks: Int32Array;
}

const toMicro = (value: number) => Math.round(value * 1_000_000);
const toMilli = (value: number) => Math.round(value * 1000);

/**
 * Lays out one group of a period's results for analysis. The results must have been
 * computed with `breakdown: true` (the default): the level-1 rows of each unit's sheet
 * are the per-indicator breakdown.
 */
export function prepareAnalysisGroup(scheme: CompiledScheme, group: GroupResults<UnitPeriodResult>): AnalysisGroup {
  const topNodes = scheme.nodes.filter((n) => n.level === 1);
  const indicators: AnalysisIndicator[] = topNodes.map((n) => ({ code: n.code, name: n.name, points: n.points }));
  const k = indicators.length;
  const n = group.rows.length;
  const earned = new Float64Array(n * k);
  const applicable = new Float64Array(n * k);
  const major = new Float64Array(n);
  const bonus = new Float64Array(n);
  const capTo = new Float64Array(n).fill(-1);
  const isVetoFail = new Uint8Array(n);
  const officialFinals = new Int32Array(n).fill(NO_FINAL);
  const officialRanks = new Int32Array(n);
  const units: AnalysisUnit[] = [];

  group.rows.forEach((row, u) => {
    if (row.sheet === null) {
      throw new RangeError(`单位 ${row.unit} 的计算结果缺少评分明细(需以 breakdown: true 计算),无法分析`);
    }
    const byCode = new Map<string, (typeof row.sheet)[number]>();
    for (const line of row.sheet) if (line.level === 1) byCode.set(line.code, line);
    indicators.forEach((indicator, i) => {
      const line = byCode.get(indicator.code);
      if (line === undefined) throw new RangeError(`单位 ${row.unit} 的评分明细缺少一级指标 ${indicator.code}`);
      earned[u * k + i] = toMicro(line.earned);
      applicable[u * k + i] = toMicro(line.applicablePoints);
    });
    major[u] = toMilli(row.major);
    let bonusSum = 0;
    for (const event of row.events.bonus) {
      const def = scheme.events.get(event.code);
      if (def?.type === 'bonus') bonusSum += def.points;
    }
    bonus[u] = scheme.bonus === null ? 0 : Math.min(bonusSum, scheme.bonus.cap);
    let cap = -1;
    for (const code of row.vetoes) {
      const def = scheme.events.get(code);
      if (def?.type === 'veto' && def.effect === 'cap' && (cap < 0 || def.capTo < cap)) cap = def.capTo;
    }
    capTo[u] = cap;
    isVetoFail[u] = row.isVetoFail ? 1 : 0;
    if (row.final !== null) officialFinals[u] = Math.round(row.final * 100);
    officialRanks[u] = row.rank ?? 0;
    units.push({
      unit: row.unit,
      name: row.name,
      officialFinal: row.final === null ? null : Math.round(row.final * 100),
      officialRank: row.rank,
      officialGrade: row.grade,
      isVetoFail: row.isVetoFail,
      vetoes: row.vetoes,
    });
  });

  const prepared: AnalysisGroup = {
    schemeCode: scheme.code,
    period: group.rows[0]?.period ?? '',
    groupCode: group.code,
    groupName: group.name,
    indicators,
    units,
    grading: { bands: scheme.bands, quota: scheme.quota },
    bonusGate: scheme.bonus === null ? -1 : scheme.bonus.gate,
    earned,
    applicable,
    major,
    bonus,
    capTo,
    isVetoFail,
    officialFinals,
    officialRanks,
  };

  checkOfficialFinals(prepared);
  return prepared;
}

/** Self-check: the official points must give back every official final exactly. */
function checkOfficialFinals(group: AnalysisGroup): void {
  const n = group.units.length;
  const check = new Int32Array(n);
  computeScenarioFinals(group, officialPoints(group), check);
  for (let u = 0; u < n; u++) {
    if (check[u] !== group.officialFinals[u]) {
      const unit = group.units[u]?.unit ?? String(u);
      throw new RangeError(
        `单位 ${unit} 的分析数据与正式结果不一致(重算 ${String(check[u])},正式 ${String(group.officialFinals[u])}),请检查计分引擎的结果格式`,
      );
    }
  }
}

/**
 * The group as plain JSON (numbers and arrays), for sending it from the server to the
 * browser, where the what-if sliders recompute without a round trip.
 */
export interface AnalysisGroupData {
  schemeCode: string;
  period: string;
  groupCode: string;
  groupName: string;
  indicators: AnalysisIndicator[];
  units: AnalysisUnit[];
  grading: { bands: CompiledBand[]; quota: CompiledScheme['quota'] };
  bonusGate: number;
  earned: number[];
  applicable: number[];
  major: number[];
  bonus: number[];
  capTo: number[];
  isVetoFail: number[];
  officialFinals: number[];
  officialRanks: number[];
}

export function toAnalysisGroupData(group: AnalysisGroup): AnalysisGroupData {
  return {
    schemeCode: group.schemeCode,
    period: group.period,
    groupCode: group.groupCode,
    groupName: group.groupName,
    indicators: group.indicators.map((i) => ({ ...i })),
    units: group.units.map((u) => ({ ...u, vetoes: [...u.vetoes] })),
    grading: { bands: group.grading.bands.map((b) => ({ ...b })), quota: group.grading.quota === null ? null : { ...group.grading.quota } },
    bonusGate: group.bonusGate,
    earned: Array.from(group.earned),
    applicable: Array.from(group.applicable),
    major: Array.from(group.major),
    bonus: Array.from(group.bonus),
    capTo: Array.from(group.capTo),
    isVetoFail: Array.from(group.isVetoFail),
    officialFinals: Array.from(group.officialFinals),
    officialRanks: Array.from(group.officialRanks),
  };
}

/** Rebuilds the typed arrays; refuses data that is inconsistent or does not reproduce its official finals. */
export function fromAnalysisGroupData(data: AnalysisGroupData): AnalysisGroup {
  const n = data.units.length;
  const k = data.indicators.length;
  const sizes: [string, number, number][] = [
    ['earned', data.earned.length, n * k],
    ['applicable', data.applicable.length, n * k],
    ['major', data.major.length, n],
    ['bonus', data.bonus.length, n],
    ['capTo', data.capTo.length, n],
    ['isVetoFail', data.isVetoFail.length, n],
    ['officialFinals', data.officialFinals.length, n],
    ['officialRanks', data.officialRanks.length, n],
  ];
  for (const [name, actual, expected] of sizes) {
    if (actual !== expected) throw new RangeError(`分析数据 ${name} 的长度 ${String(actual)} 应为 ${String(expected)}`);
  }
  const group: AnalysisGroup = {
    schemeCode: data.schemeCode,
    period: data.period,
    groupCode: data.groupCode,
    groupName: data.groupName,
    indicators: data.indicators,
    units: data.units,
    grading: data.grading,
    bonusGate: data.bonusGate,
    earned: Float64Array.from(data.earned),
    applicable: Float64Array.from(data.applicable),
    major: Float64Array.from(data.major),
    bonus: Float64Array.from(data.bonus),
    capTo: Float64Array.from(data.capTo),
    isVetoFail: Uint8Array.from(data.isVetoFail),
    officialFinals: Int32Array.from(data.officialFinals),
    officialRanks: Int32Array.from(data.officialRanks),
  };
  checkOfficialFinals(group);
  return group;
}

/** The scheme's level-1 points, thousandths, in indicator order. */
export function officialPoints(group: Pick<AnalysisGroup, 'indicators'>): Int32Array {
  return Int32Array.from(group.indicators, (i) => i.points);
}

/** Whether a unit takes part in ranking (scored and not fail-vetoed). */
export function isUnitRankable(group: AnalysisGroup, u: number): boolean {
  return group.officialFinals[u] !== NO_FINAL && group.isVetoFail[u] === 0;
}
