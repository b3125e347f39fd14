// A group's figures on the dashboard, over its scored units (docs/decisions.md, Dashboard): scored =
// has a final score (a fail-vetoed unit keeps its score but has no rank); average, min, max and
// percentiles over scored units; pass rate = passed / scored, failing as scoring/pass-line.ts says.
import { isFailing, type PassRule } from '../scoring/pass-line';
import type { UnitPeriodResult } from '../scoring/scoring-result';

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
