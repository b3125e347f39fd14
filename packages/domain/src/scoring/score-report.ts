// The §5 shape of `kaoping score --json`, from the engine's results. The per-leaf sheet
// and the other extra fields stay in the API-level types and are not printed here.
import type { ScoreReport } from '@kaoping/contracts/scoring/score-report';
import type { AnnualResults, PeriodResults } from './scoring-result';

export function toScoreReport(results: PeriodResults): ScoreReport {
  return {
    scheme: results.scheme,
    period: results.period,
    groups: results.groups.map((g) => ({
      code: g.code,
      rows: g.rows.map((r) => ({
        unit: r.unit,
        name: r.name,
        base: r.base,
        applicableMax: r.applicableMax,
        major: r.major,
        bonus: r.bonus,
        vetoes: r.vetoes,
        final: r.final,
        rank: r.rank,
        rankDelta: r.rankDelta,
        grade: r.grade,
        complete: r.complete,
        missing: r.missing,
      })),
    })),
  };
}

/**
 * The annual result in the same shape: `base` is the exact weighted sum of the quarter
 * finals, `applicableMax` 100, `major` and `bonus` 0 (they are inside each quarter's final).
 */
export function toAnnualScoreReport(results: AnnualResults): ScoreReport {
  return {
    scheme: results.scheme,
    period: results.period,
    groups: results.groups.map((g) => ({
      code: g.code,
      rows: g.rows.map((r) => ({
        unit: r.unit,
        name: r.name,
        base: r.weightedSum,
        applicableMax: 100,
        major: 0,
        bonus: 0,
        vetoes: r.vetoes,
        final: r.final,
        rank: r.rank,
        rankDelta: r.rankDelta,
        grade: r.grade,
        complete: r.complete,
        missing: r.missing,
      })),
    })),
  };
}
