// Rank stability (issue #7, COINr-style uncertainty analysis of the weights) and
// leave-one-indicator-out.
//
// Monte Carlo. Each draw multiplies every level-1 indicator's points by its own factor,
// uniform in [1 − p, 1 + p], and rescales them so they again sum to the scheme's total
// (so the major deductions, the bonus gate and the cap keep their meaning). The rescaled
// points are rounded to thousandths of a point (the scheme's own resolution; largest
// remainder, so the total is exact), then the group is scored and ranked exactly as
// in what-if. Floating point is used for the random factors and for this rescaling only:
// IEEE-754 +, ×, ÷ and floor give the same bits on every platform, so a seed reproduces
// the run everywhere; rounding a weight by less than 0.001 point is far below any weight
// uncertainty worth studying; and from the rounded points on, scores are exact, so with
// p = 0 every draw is the official result and every interval collapses to the official
// rank.
//
// Per unit: median rank and the 5th / 95th percentile rank (nearest-rank method: the
// smallest rank r such that at least ⌈q × N⌉ draws give a rank ≤ r, so they are actual
// ranks and 5th ≤ median ≤ 95th), the share of draws keeping the official rank.
// Per pair of adjacent units in the official order: the share of draws in which the
// lower unit ranks strictly above the upper one; more than `flipThreshold` (default 10%)
// marks the pair 与相邻单位差异不显著. Why 10%: a reversal in one draw of ten means the
// order depends on weighting choices well inside the range being tested; at 5% pairs that
// swap only under the most extreme draws would be marked too, and the mark would say
// little in a tight group; at 25% real fragility would be hidden. It is an option, and the
// methodology note next to the view states the value used.
import { officialPoints, type AnalysisGroup } from './analysis-group';
import { computeScenarioFinals, createRankOrder, NO_FINAL, rankScenarioFinals } from './score-scenario';
import { createSeededRandom } from '../random/seeded-random';
import { milliToNumber } from '../scoring/decimal';

export interface RankStabilityOptions {
  /** Half-width p of the factor interval [1 − p, 1 + p], 0 ≤ p < 1 (default 0.2 = ±20%). */
  perturbation?: number;
  /** Number of draws, 1–100,000 (default 1,000). */
  draws?: number;
  /** PRNG seed, a 32-bit unsigned integer (default 20_250_101). */
  seed?: number;
  /** A pair is not robust when the order flips in more than this share of draws (default 0.1). */
  flipThreshold?: number;
}

export const defaultRankStabilityOptions: Required<RankStabilityOptions> = {
  perturbation: 0.2,
  draws: 1000,
  seed: 20_250_101,
  flipThreshold: 0.1,
};

export interface UnitRankStability {
  unit: string;
  name: string;
  officialRank: number;
  medianRank: number;
  /** 5th percentile rank (the better end). */
  lowRank: number;
  /** 95th percentile rank (the worse end). */
  highRank: number;
  bestRank: number;
  worstRank: number;
  /** Share of draws in which the unit keeps its official rank, 0–1. */
  keepShare: number;
}

export type AdjacentPairStatus = 'robust' | 'not-significant' | 'tied';

export const NOT_SIGNIFICANT_LABEL = '与相邻单位差异不显著';

export interface AdjacentPair {
  upper: string;
  lower: string;
  upperRank: number;
  lowerRank: number;
  /** Share of draws in which the lower unit ranks strictly above the upper one. */
  flipShare: number;
  /** 'tied': officially tied already (the order between them is only by code). */
  status: AdjacentPairStatus;
  label: string | null;
}

export interface RankStabilityResult {
  options: Required<RankStabilityOptions>;
  /** The ranked units in official order (unranked units take no part). */
  units: UnitRankStability[];
  /** Consecutive pairs of `units`. */
  pairs: AdjacentPair[];
  /** The scheme's level-1 total; every draw's points sum to it exactly. */
  total: number;
}

function resolveOptions(options: RankStabilityOptions): Required<RankStabilityOptions> {
  const o = { ...defaultRankStabilityOptions, ...options };
  if (!(o.perturbation >= 0 && o.perturbation < 1)) throw new RangeError('权重扰动幅度应在 0 到 100% 之间(不含 100%)');
  if (!Number.isInteger(o.draws) || o.draws < 1 || o.draws > 100_000) throw new RangeError('抽样次数应为 1–100000 之间的整数');
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) throw new RangeError('随机种子应为 0–4294967295 之间的整数');
  if (!(o.flipThreshold >= 0 && o.flipThreshold < 1)) throw new RangeError('判定阈值应在 0 到 1 之间');
  return o;
}

/**
 * Rescales `raw` (positive reals) to integers summing to `total` exactly: floor of the
 * proportional share, then +1 to the largest remainders (ties: lower index). An
 * indicator with official points > 0 keeps at least 1 thousandth, so no unit loses its
 * applicable maximum (and becomes unscored) by rounding alone.
 */
export function apportionPoints(
  raw: ArrayLike<number>,
  total: number,
  out: Int32Array,
  remainder: Float64Array = new Float64Array(out.length),
): void {
  const k = out.length;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += raw[i] ?? 0;
  if (!(sum > 0)) {
    out.fill(0);
    return;
  }
  // total / sum is exactly 1 when nothing was perturbed, so the official points come back
  const scale = total / sum;
  let given = 0;
  for (let i = 0; i < k; i++) {
    const r = raw[i] ?? 0;
    if (r <= 0) {
      out[i] = 0;
      remainder[i] = -1;
      continue;
    }
    const share = r * scale;
    const whole = Math.floor(share);
    out[i] = whole;
    remainder[i] = share - whole;
    given += whole;
  }
  // fewer than k thousandths are missing: hand them out by largest remainder
  while (given < total) {
    let best = -1;
    for (let i = 0; i < k; i++) if ((remainder[i] ?? -1) >= 0 && (best < 0 || (remainder[i] ?? 0) > (remainder[best] ?? 0))) best = i;
    if (best < 0) break;
    out[best] = (out[best] ?? 0) + 1;
    remainder[best] = -1;
    given++;
  }
  // float rounding could overshoot by a thousandth: take it back from the largest share
  while (given > total) {
    const largest = largestIndex(out, 0);
    if (largest < 0) break;
    out[largest] = (out[largest] ?? 0) - 1;
    given--;
  }
  // keep positive indicators positive, taking the thousandth from the largest share
  for (let i = 0; i < k; i++) {
    if ((raw[i] ?? 0) > 0 && out[i] === 0) {
      const largest = largestIndex(out, 1);
      if (largest < 0) break;
      out[largest] = (out[largest] ?? 0) - 1;
      out[i] = 1;
    }
  }
}

/** Index of the largest value above `above` (first on ties), −1 when none. */
function largestIndex(values: Int32Array, above: number): number {
  let best = -1;
  for (let j = 0; j < values.length; j++) if ((values[j] ?? 0) > above && (best < 0 || (values[j] ?? 0) > (values[best] ?? 0))) best = j;
  return best;
}

export function computeRankStability(group: AnalysisGroup, options: RankStabilityOptions = {}): RankStabilityResult {
  const o = resolveOptions(options);
  const k = group.indicators.length;
  const n = group.units.length;
  const official = officialPoints(group);
  let total = 0;
  for (const p of official) total += p;

  // ranked units in official order (group.units already is)
  const ranked: number[] = [];
  for (let u = 0; u < n; u++) if ((group.officialRanks[u] ?? 0) > 0) ranked.push(u);
  const m = ranked.length;

  const histogram = new Uint32Array(m * (n + 1)); // [ranked unit × rank]
  const flips = new Uint32Array(Math.max(0, m - 1));
  const raw = new Float64Array(k);
  const points = new Int32Array(k);
  const remainder = new Float64Array(k);
  const ratio = new Float64Array(k);
  const finals = new Int32Array(n);
  const ranks = new Int32Array(n);
  const rankOrder = createRankOrder(n);
  const random = createSeededRandom(o.seed);
  const p = o.perturbation;

  for (let d = 0; d < o.draws; d++) {
    for (let i = 0; i < k; i++) raw[i] = (official[i] ?? 0) * (1 - p + 2 * p * random());
    apportionPoints(raw, total, points, remainder);
    computeScenarioFinals(group, points, finals, ratio);
    rankScenarioFinals(finals, group.isVetoFail, ranks, rankOrder);
    for (let j = 0; j < m; j++) {
      const r = ranks[ranked[j] ?? 0] ?? 0;
      histogram[j * (n + 1) + r] = (histogram[j * (n + 1) + r] ?? 0) + 1;
      if (j > 0 && r < (ranks[ranked[j - 1] ?? 0] ?? 0)) flips[j - 1] = (flips[j - 1] ?? 0) + 1;
    }
  }

  const percentile = (j: number, q: number): number => {
    const need = Math.max(1, Math.ceil(q * o.draws - 1e-9));
    let seen = 0;
    for (let r = 0; r <= n; r++) {
      seen += histogram[j * (n + 1) + r] ?? 0;
      if (seen >= need) return r;
    }
    return n;
  };

  const units = ranked.map((u, j): UnitRankStability => {
    const unit = group.units[u];
    const officialRank = group.officialRanks[u] ?? 0;
    let best = 0;
    let worst = 0;
    for (let r = 0; r <= n; r++) {
      if ((histogram[j * (n + 1) + r] ?? 0) > 0) {
        if (best === 0) best = r;
        worst = r;
      }
    }
    return {
      unit: unit?.unit ?? '',
      name: unit?.name ?? '',
      officialRank,
      medianRank: percentile(j, 0.5),
      lowRank: percentile(j, 0.05),
      highRank: percentile(j, 0.95),
      bestRank: best,
      worstRank: worst,
      keepShare: (histogram[j * (n + 1) + officialRank] ?? 0) / o.draws,
    };
  });

  const pairs: AdjacentPair[] = [];
  for (let j = 1; j < m; j++) {
    const upper = units[j - 1];
    const lower = units[j];
    if (upper === undefined || lower === undefined) continue;
    const flipShare = (flips[j - 1] ?? 0) / o.draws;
    const status: AdjacentPairStatus =
      upper.officialRank === lower.officialRank ? 'tied' : flipShare > o.flipThreshold ? 'not-significant' : 'robust';
    pairs.push({
      upper: upper.unit,
      lower: lower.unit,
      upperRank: upper.officialRank,
      lowerRank: lower.officialRank,
      flipShare,
      status,
      label: status === 'not-significant' ? NOT_SIGNIFICANT_LABEL : null,
    });
  }
  return { options: o, units, pairs, total: milliToNumber(total) };
}

export interface LeaveOneOutIndicator {
  code: string;
  name: string;
  points: number;
  /** Units whose rank changes (or who lose or gain a rank) when this indicator is removed. */
  changedCount: number;
  /** Largest |rank change| over the units. */
  maxShift: number;
}

export interface LeaveOneOutUnit {
  unit: string;
  name: string;
  officialRank: number | null;
  /** Rank with each level-1 indicator removed, in indicator order (null = unranked). */
  ranks: (number | null)[];
  /** Finals (two places) with each indicator removed. */
  finals: (number | null)[];
}

export interface LeaveOneOutResult {
  indicators: LeaveOneOutIndicator[];
  /** In official order. */
  units: LeaveOneOutUnit[];
}

/**
 * Ranks with each level-1 indicator removed: its points set to 0 and the others kept, the
 * same operation as dropping it in what-if (the spec's normalisation by the applicable
 * maximum rescales the rest to 100). Exact.
 */
export function computeLeaveOneOut(group: AnalysisGroup): LeaveOneOutResult {
  const k = group.indicators.length;
  const n = group.units.length;
  const official = officialPoints(group);
  const points = new Int32Array(k);
  const finals = new Int32Array(n);
  const ranks = new Int32Array(n);
  const rankOrder = createRankOrder(n);
  const ratio = new Float64Array(k);
  const units: LeaveOneOutUnit[] = group.units.map((unit) => ({
    unit: unit.unit,
    name: unit.name,
    officialRank: unit.officialRank,
    ranks: [],
    finals: [],
  }));
  const indicators = group.indicators.map((indicator, i): LeaveOneOutIndicator => {
    points.set(official);
    points[i] = 0;
    computeScenarioFinals(group, points, finals, ratio);
    rankScenarioFinals(finals, group.isVetoFail, ranks, rankOrder);
    let changedCount = 0;
    let maxShift = 0;
    units.forEach((row, u) => {
      const r = ranks[u] ?? 0;
      const f = finals[u] ?? NO_FINAL;
      row.ranks.push(r === 0 ? null : r);
      row.finals.push(f === NO_FINAL ? null : f / 100);
      const before = group.officialRanks[u] ?? 0;
      if (before !== r) changedCount++;
      if (before > 0 && r > 0) maxShift = Math.max(maxShift, Math.abs(before - r));
    });
    return { code: indicator.code, name: indicator.name, points: milliToNumber(indicator.points), changedCount, maxShift };
  });
  return { indicators, units };
}
