// The dashboard's figures, computed from a period's published results: pure functions, no I/O.
// Definitions (docs/decisions.md, "Dashboard"):
//   - scored = the unit has a final score (a fail-vetoed unit keeps its score but has no rank);
//   - pass line = the lowest score of the band above the scheme's lowest band (合格 60 in 90/80/60/0);
//     failing = fail veto, or graded in the lowest band (a cap veto to 59 fails so);
//   - average, min, max and percentiles are over scored units; pass rate = passed / scored;
//   - cross-group figures: percentile within the group (share of the group's other ranked units
//     ranked below, 0–100) and the standard score z = (final − group mean) / group SD.
import type { CompiledScheme } from '@kaoping/domain/scoring/compile-scheme';
import type { PeriodResults, UnitPeriodResult } from '@kaoping/domain/scoring/scoring-result';

export interface PassRule {
  /** Lowest score that passes on its own (the band above the lowest); null with a single band. */
  passScore: number | null;
  /** The lowest band's grade (不合格); null with a single band. */
  failGrade: string | null;
  bands: { grade: string; min: number }[];
}

export function passRuleOf(scheme: Pick<CompiledScheme, 'bands'>): PassRule {
  const bands = [...scheme.bands].sort((a, b) => b.min - a.min).map((b) => ({ grade: b.grade, min: b.min / 1000 }));
  if (bands.length < 2) return { passScore: null, failGrade: null, bands };
  return { passScore: bands[bands.length - 2]?.min ?? null, failGrade: bands[bands.length - 1]?.grade ?? null, bands };
}

export function isFailing(row: Pick<UnitPeriodResult, 'final' | 'grade' | 'isVetoFail'>, rule: PassRule): boolean {
  if (row.final === null) return false;
  return row.isVetoFail || (rule.failGrade !== null && row.grade === rule.failGrade);
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentile of sorted values (p in 0–100), as the analysis area uses. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? null;
}

export interface GroupStats {
  code: string;
  name: string;
  /** Units in the group's results (scored or not). */
  units: number;
  scored: number;
  ranked: number;
  average: number | null;
  min: number | null;
  max: number | null;
  p10: number | null;
  p90: number | null;
  /** Standard deviation of the finals (population), two places. */
  sd: number | null;
  passed: number;
  failing: number;
  /** Percent, one place. */
  passRate: number | null;
  vetoes: number;
}

export function groupStatsOf(group: { code: string; name: string; rows: readonly UnitPeriodResult[] }, rule: PassRule): GroupStats {
  const finals = group.rows.flatMap((r) => (r.final === null ? [] : [r.final])).sort((a, b) => a - b);
  const scored = finals.length;
  const failing = group.rows.filter((r) => isFailing(r, rule)).length;
  const mean = scored === 0 ? null : finals.reduce((s, x) => s + x, 0) / scored;
  const sd = mean === null ? null : Math.sqrt(finals.reduce((s, x) => s + (x - mean) ** 2, 0) / scored);
  return {
    code: group.code,
    name: group.name,
    units: group.rows.length,
    scored,
    ranked: group.rows.filter((r) => r.rank !== null).length,
    average: mean === null ? null : round2(mean),
    min: finals[0] ?? null,
    max: finals[finals.length - 1] ?? null,
    p10: nearestRank(finals, 10),
    p90: nearestRank(finals, 90),
    sd: sd === null ? null : round2(sd),
    passed: scored - failing,
    failing,
    passRate: scored === 0 ? null : round1(((scored - failing) * 100) / scored),
    vetoes: group.rows.filter((r) => r.vetoes.length > 0).length,
  };
}

export interface UnitBrief {
  unitId: number | null;
  unit: string;
  name: string;
  group: string;
  groupName: string;
  final: number | null;
  rank: number | null;
  rankDelta: number | null;
  grade: string | null;
  isVetoFail: boolean;
  vetoes: string[];
}

export function briefOf(row: UnitPeriodResult, groupName: string, unitIds: ReadonlyMap<string, number>): UnitBrief {
  return {
    unitId: unitIds.get(row.unit) ?? null,
    unit: row.unit,
    name: row.name,
    group: row.group,
    groupName,
    final: row.final,
    rank: row.rank,
    rankDelta: row.rankDelta,
    grade: row.grade,
    isVetoFail: row.isVetoFail,
    vetoes: row.vetoes,
  };
}

/** The first and last `n` ranked units of a group (rows are in rank order). */
export function topAndBottom<T extends { rank: number | null }>(rows: readonly T[], n: number): { top: T[]; bottom: T[] } {
  const ranked = rows.filter((r) => r.rank !== null);
  const top = ranked.slice(0, n);
  const bottom = ranked.slice(Math.max(n, ranked.length - n)).reverse();
  return { top, bottom };
}

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
export function periodChangesOf(current: PeriodResults, previous: PeriodResults | null, rule: PassRule, previousRule: PassRule | null, unitIds: ReadonlyMap<string, number>, n = 5): PeriodChanges {
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
  const rises = changes.filter((c) => c.scoreDelta > 0).sort(byDelta).slice(0, n);
  const falls = changes.filter((c) => c.scoreDelta < 0).sort((a, b) => byDelta(b, a)).slice(0, n);
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

/**
 * Percentile of a ranked unit within its group: the share of the group's other ranked units
 * with a worse rank, 0–100 (the first of 20 → 100, the last → 0; a group of one → 100).
 * Ties share the value. Unranked units: null. One sort for the whole group.
 */
export function percentilesInGroup(ranks: readonly (number | null)[]): (number | null)[] {
  const ranked = ranks.filter((r): r is number => r !== null).sort((a, b) => a - b);
  const n = ranked.length;
  // Units ranked worse than r = n − (units ranked r or better); competition ranks make that n − (last index of r) − 1.
  const worseThan = new Map<number, number>();
  ranked.forEach((r, i) => worseThan.set(r, n - i - 1));
  return ranks.map((rank) => (rank === null ? null : n <= 1 ? 100 : round1(((worseThan.get(rank) ?? 0) * 100) / (n - 1))));
}

/** z = (final − mean) / SD over the group's scored units; null when unscored or SD is 0. */
export function standardScore(final: number | null, stats: Pick<GroupStats, 'average' | 'sd'>): number | null {
  if (final === null || stats.average === null || stats.sd === null || stats.sd === 0) return null;
  return round2((final - stats.average) / stats.sd);
}

/** Level-1 share of points earned, 0–100 (one place); null when not applicable to the unit. */
export function shareOf(earned: number, applicablePoints: number): number | null {
  if (applicablePoints <= 0) return null;
  return round1((earned * 100) / applicablePoints);
}

/** The mean of the non-null shares, one place; null when none. */
export function averageShare(shares: readonly (number | null)[]): number | null {
  const present = shares.filter((s): s is number => s !== null);
  return present.length === 0 ? null : round1(present.reduce((s, x) => s + x, 0) / present.length);
}

export interface TimelineItem {
  status: string;
  issuedOn: string;
  dueDate: string;
  closedOn: string | null;
  cancelledOn: string | null;
}

export interface BurndownPoint {
  date: string;
  open: number;
  closed: number;
  overdue: number;
}

const RESOLVED = new Set(['closed', 'explained']);

/**
 * Open, closed (销号 or explanation accepted) and overdue items as they stood at the end of each
 * date listed: an item is open from its issue date until it was resolved or cancelled; overdue
 * while open after its due date. Dates are China calendar dates, ascending.
 */
export function burndownOf(items: readonly TimelineItem[], dates: readonly string[]): BurndownPoint[] {
  return dates.map((date) => {
    let open = 0;
    let closed = 0;
    let overdue = 0;
    for (const item of items) {
      if (item.issuedOn > date) continue;
      const resolvedBy = RESOLVED.has(item.status) && item.closedOn !== null && item.closedOn <= date;
      const cancelledBy = item.status === 'cancelled' && (item.cancelledOn ?? item.issuedOn) <= date;
      if (resolvedBy) closed++;
      else if (!cancelledBy) {
        open++;
        if (item.dueDate < date) overdue++;
      }
    }
    return { date, open, closed, overdue };
  });
}

/** Weekly dates (each Sunday… as China dates) from the first issue up to `today`, with `today` last. */
export function weeklyDates(first: string, today: string, addDays: (date: string, n: number) => string): string[] {
  if (first > today) return [today];
  const dates: string[] = [];
  for (let d = first; d < today; d = addDays(d, 7)) dates.push(d);
  dates.push(today);
  return dates;
}
