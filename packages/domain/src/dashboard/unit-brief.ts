// A unit as the dashboard's lists show it, and the top and bottom of a ranked group.
import type { UnitPeriodResult } from '../scoring/scoring-result';

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
