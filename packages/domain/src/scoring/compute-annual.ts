// The annual result (spec §3): annual = Σ weight × quarter final over the quarters the
// scheme lists, each final already rounded, the sum rounded again half up to 2 places,
// then ranked and graded like a quarter. A unit missing a listed quarter (no input or no
// result) is unscored for the year. A fail veto in any quarter fails the year; cap
// vetoes already limited that quarter's final and are not applied again.
import type { CompiledScheme } from './compile-scheme';
import { roundHundredThousandthsToHundredths, hundredthsToNumber, milliToNumber } from './decimal';
import { rankAndGradeGroups } from './rank-and-grade-groups';
import type { PreviousRank, ScoringUnit } from './scoring-inputs';
import type { AnnualResults, AnnualUnitResult, PeriodResults, UnitPeriodResult } from './scoring-result';

export interface ComputeAnnualOptions {
  previousRanks?: readonly PreviousRank[];
}

/** The quarter codes (2025Q1…) the scheme's annual result is made of, in order. */
export function listAnnualPeriods(scheme: Pick<CompiledScheme, 'annual' | 'year'>): { period: string; weight: number }[] {
  return (scheme.annual ?? []).map((p) => ({ period: `${scheme.year}Q${p.quarter}`, weight: p.weight }));
}

export function computeAnnualResults(
  scheme: CompiledScheme,
  units: readonly ScoringUnit[],
  quarterResults: readonly PeriodResults[],
  options: ComputeAnnualOptions = {},
): AnnualResults {
  if (scheme.annual === null) throw new RangeError(`方案 ${scheme.code} 没有年度汇总(annual.periods)`);
  const listed = listAnnualPeriods(scheme);
  const rowsByPeriod = new Map<string, Map<string, UnitPeriodResult>>();
  for (const r of quarterResults) {
    const rows = new Map<string, UnitPeriodResult>();
    for (const g of r.groups) for (const row of g.rows) rows.set(row.unit, row);
    rowsByPeriod.set(r.period, rows);
  }

  const entries = units.map((unit) => {
    let sum = 0; // weight (thousandths) × final (hundredths) = 1e-5 units
    const reasons: string[] = [];
    const vetoCodes = new Set<string>();
    let isVetoFail = false;
    let complete = true;
    const missing: string[] = [];
    const periods = listed.map(({ period, weight }) => {
      const row = rowsByPeriod.get(period)?.get(unit.code);
      if (row === undefined || !row.assessed) {
        reasons.push(`缺少 ${period} 的考核结果`);
        complete = false;
        missing.push(period);
        return { period, weight: milliToNumber(weight), final: null };
      }
      for (const v of row.vetoes) vetoCodes.add(v);
      if (row.isVetoFail) isVetoFail = true;
      if (!row.complete) complete = false;
      for (const code of row.missing) missing.push(`${period}:${code}`);
      if (row.final === null) {
        reasons.push(`${period} 未计分${row.unscoredReason !== null ? `(${row.unscoredReason})` : ''}`);
        return { period, weight: milliToNumber(weight), final: null };
      }
      sum += weight * Math.round(row.final * 100);
      return { period, weight: milliToNumber(weight), final: row.final };
    });
    const isScored = reasons.length === 0;
    return {
      unit: unit.code,
      name: unit.name,
      group: unit.group,
      finalHundredths: isScored ? roundHundredThousandthsToHundredths(sum) : null,
      isVetoFail,
      weightedSum: isScored ? sum / 100_000 : 0,
      unscoredReason: isScored ? null : reasons.join(';'),
      periods,
      vetoes: scheme.vetoOrder.filter((c) => vetoCodes.has(c)),
      complete,
      missing,
    };
  });

  const groups = rankAndGradeGroups(scheme, entries, options.previousRanks).map((g) => ({
    code: g.code,
    name: g.name,
    rows: g.rows.map(({ entry, rank, rankDelta, grade, isQuotaDemoted }): AnnualUnitResult => ({
      unit: entry.unit,
      name: entry.name,
      group: entry.group,
      year: scheme.year,
      unscoredReason: entry.unscoredReason,
      periods: entry.periods,
      weightedSum: entry.weightedSum,
      vetoes: entry.vetoes,
      isVetoFail: entry.isVetoFail,
      final: entry.finalHundredths === null ? null : hundredthsToNumber(entry.finalHundredths),
      rank,
      rankDelta,
      grade,
      isQuotaDemoted,
      complete: entry.complete,
      missing: entry.missing,
    })),
  }));
  return { scheme: scheme.code, period: String(scheme.year), groups };
}
