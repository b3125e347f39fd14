// A whole period (one quarter) for every unit: scores, ranks within groups, grades with
// the quota, rankDelta against the previous period. Pure: the same function runs in the
// API, the CLI and the browser.
import { parsePeriod, periodDateRange } from '../period/period';
import type { CompiledScheme } from './compile-scheme';
import { computeUnitResult, createUnitScratch, type UnitScore } from './compute-unit';
import { hundredthsToNumber, microToNumber, milliToNumber } from './decimal';
import { indexPeriodInputs } from './index-period-inputs';
import { rankAndGradeGroups } from './rank-and-grade-groups';
import type { InputIssue, PreviousRank, ScoringInputs } from './scoring-inputs';
import type { PeriodResults, UnitPeriodResult } from './scoring-result';

export interface ComputePeriodOptions {
  /** Ranks of the previous period, for rankDelta. */
  previousRanks?: readonly PreviousRank[];
  /** Build the score sheet of every unit (true, the default), of none, or of the units listed. */
  breakdown?: boolean | ReadonlySet<string>;
}

export type ComputePeriodResult = { ok: true; results: PeriodResults } | { ok: false; issues: InputIssue[] };

/** Checks that a period code is a quarter of the scheme's year; returns the Chinese reason if not. */
export function checkQuarterOfScheme(scheme: Pick<CompiledScheme, 'code' | 'year'>, periodCode: string): string | null {
  const period = parsePeriod(periodCode);
  if (period === null) return `期次 ${periodCode} 格式不正确,应为 2025Q3 或 2025`;
  if (period.kind !== 'quarter') return `期次 ${periodCode} 不是季度`;
  if (period.year !== scheme.year) return `期次 ${periodCode} 不在方案 ${scheme.code} 的年度 ${scheme.year} 内`;
  return null;
}

export function computePeriodResults(
  scheme: CompiledScheme,
  periodCode: string,
  inputs: ScoringInputs,
  options: ComputePeriodOptions = {},
): ComputePeriodResult {
  const problem = checkQuarterOfScheme(scheme, periodCode);
  const period = parsePeriod(periodCode);
  if (problem !== null || period === null) throw new RangeError(problem ?? periodCode);
  const { start, end } = periodDateRange(period);
  const breakdown = options.breakdown ?? true;

  const issues: InputIssue[] = [];
  const index = indexPeriodInputs(scheme, { code: period.code, start, end }, inputs, issues);
  const scratch = createUnitScratch(scheme);
  const scores: { unit: string; group: string; finalHundredths: number | null; isVetoFail: boolean; position: number; score: UnitScore }[] =
    [];
  for (let u = 0; u < index.units.length; u++) {
    const unit = index.units[u];
    if (unit === undefined) continue;
    const withSheet = typeof breakdown === 'boolean' ? breakdown : breakdown.has(unit.code);
    const score = computeUnitResult(scheme, index, u, inputs, issues, withSheet, scratch);
    scores.push({
      unit: unit.code,
      group: unit.group,
      finalHundredths: score.finalHundredths,
      isVetoFail: score.isVetoFail,
      position: u,
      score,
    });
  }
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };

  const groups = rankAndGradeGroups(scheme, scores, options.previousRanks).map((g) => ({
    code: g.code,
    name: g.name,
    rows: g.rows.map(({ entry, rank, rankDelta, grade, isQuotaDemoted }): UnitPeriodResult => {
      const unit = index.units[entry.position];
      const s = entry.score;
      return {
        unit: entry.unit,
        name: unit?.name ?? entry.unit,
        group: entry.group,
        period: period.code,
        assessed: index.assessed[entry.position] === 1,
        unscoredReason: s.unscoredReason,
        base: microToNumber(s.base),
        applicableMax: microToNumber(s.applicableMax),
        major: milliToNumber(s.major),
        normalized: s.normalizedHundredths === null ? null : hundredthsToNumber(s.normalizedHundredths),
        bonus: milliToNumber(s.bonus),
        vetoes: s.vetoes,
        isVetoFail: s.isVetoFail,
        final: s.finalHundredths === null ? null : hundredthsToNumber(s.finalHundredths),
        rank,
        rankDelta,
        grade,
        isQuotaDemoted,
        complete: s.missing.length === 0,
        missing: s.missing,
        events: s.events,
        sheet: s.sheet,
      };
    }),
  }));
  return { ok: true, results: { scheme: scheme.code, period: period.code, groups } };
}

const SOURCE_ORDER = { units: 0, scores: 1, findings: 2, events: 3, rectifications: 4 } as const;

function sortIssues(issues: InputIssue[]): InputIssue[] {
  return [...issues].sort((a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.index - b.index);
}
