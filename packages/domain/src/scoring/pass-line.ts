// The pass line (合格线), defined once for the bulletin, the dashboard and the presentation
// (docs/decisions.md, Bulletin and Dashboard): the lowest score of the band just above the scheme's
// lowest band (合格 60 in 90/80/60/0). A unit fails when a veto fails it or it is graded in the
// lowest band (a cap veto to 59 fails so); an unscored unit neither passes nor fails.
import type { CompiledScheme } from './compile-scheme';
import type { UnitPeriodResult } from './scoring-result';

const MILLI = 1000;

export interface PassRule {
  /** Lowest score that passes on its own (the band above the lowest); null with a single band. */
  passScore: number | null;
  /** The lowest band's grade (不合格); null with a single band. */
  failGrade: string | null;
  /** The best band's grade (优秀); null without bands. */
  topGrade: string | null;
  /** Bands from best to worst, minimum in points. */
  bands: { grade: string; min: number }[];
}

export function passRuleOf(scheme: Pick<CompiledScheme, 'bands'>): PassRule {
  const bands = [...scheme.bands].sort((a, b) => b.min - a.min).map((b) => ({ grade: b.grade, min: b.min / MILLI }));
  const topGrade = bands[0]?.grade ?? null;
  if (bands.length < 2) return { passScore: null, failGrade: null, topGrade, bands };
  return { passScore: bands[bands.length - 2]?.min ?? null, failGrade: bands[bands.length - 1]?.grade ?? null, topGrade, bands };
}

/** Below the pass line: scored, and failed by a veto or graded in the lowest band. */
export function isFailing(row: Pick<UnitPeriodResult, 'final' | 'grade' | 'isVetoFail'>, rule: Pick<PassRule, 'failGrade'>): boolean {
  if (row.final === null) return false;
  return row.isVetoFail || (rule.failGrade !== null && row.grade === rule.failGrade);
}
