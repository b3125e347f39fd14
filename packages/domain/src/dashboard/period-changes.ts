// What changed since the previous published period: score rises and falls, units entering and
// leaving the failing list, and each group's average and pass rate.
import { isFailing, type PassRule } from '../scoring/pass-line';
import type { PeriodResults } from '../scoring/scoring-result';
import { groupStatsOf } from './group-stats';
import { briefOf, type UnitBrief } from './unit-brief';

const round2 = (x: number) => Math.round(x * 100) / 100;
const round1 = (x: number) => Math.round(x * 10) / 10;

export interface UnitChange extends UnitBrief {
  previousFinal: number;
  scoreDelta: number;
  previousGrade: string | null;
}

export interface PeriodChanges {
  rises: UnitChange[];
  falls: UnitChange[];
  /** Failing now, not failing (or not scored) last period. */
  newlyFailing: UnitBrief[];
  /** Failing last period, passing now. */
  recovered: UnitBrief[];
  groups: { code: string; name: string; averageDelta: number | null; passRateDelta: number | null }[];
}

/** What changed since the previous period: the biggest score rises and falls, units entering and leaving the failing list, group averages. */
export function periodChangesOf(
  current: PeriodResults,
  previous: PeriodResults | null,
  rule: PassRule,
  previousRule: PassRule | null,
  unitIds: ReadonlyMap<string, number>,
  n = 5,
): PeriodChanges {
  if (previous === null) return { rises: [], falls: [], newlyFailing: [], recovered: [], groups: [] };
  const before = new Map(previous.groups.flatMap((g) => g.rows.map((r) => [r.unit, r] as const)));
  const changes: UnitChange[] = [];
  const newlyFailing: UnitBrief[] = [];
  const recovered: UnitBrief[] = [];
  for (const g of current.groups) {
    for (const row of g.rows) {
      const old = before.get(row.unit);
      const brief = briefOf(row, g.name, unitIds);
      const failsNow = isFailing(row, rule);
      const failedBefore = old !== undefined && isFailing(old, previousRule ?? rule);
      if (failsNow && !failedBefore) newlyFailing.push(brief);
      if (!failsNow && failedBefore && row.final !== null) recovered.push(brief);
      if (old === undefined || old.final === null || row.final === null) continue;
      changes.push({ ...brief, previousFinal: old.final, scoreDelta: round2(row.final - old.final), previousGrade: old.grade });
    }
  }
  const byDelta = (a: UnitChange, b: UnitChange) => b.scoreDelta - a.scoreDelta || (a.unit < b.unit ? -1 : 1);
  const rises = changes
    .filter((c) => c.scoreDelta > 0)
    .sort(byDelta)
    .slice(0, n);
  const falls = changes
    .filter((c) => c.scoreDelta < 0)
    .sort((a, b) => byDelta(b, a))
    .slice(0, n);
  const previousGroups = new Map(previous.groups.map((g) => [g.code, groupStatsOf(g, previousRule ?? rule)]));
  const groups = current.groups.map((g) => {
    const now = groupStatsOf(g, rule);
    const then = previousGroups.get(g.code);
    return {
      code: g.code,
      name: g.name,
      averageDelta: now.average !== null && then?.average != null ? round2(now.average - then.average) : null,
      passRateDelta: now.passRate !== null && then?.passRate != null ? round1(now.passRate - then.passRate) : null,
    };
  });
  return { rises, falls, newlyFailing, recovered, groups };
}
