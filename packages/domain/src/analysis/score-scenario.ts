// Scores of one group under other level-1 points (a "scenario"): the hot loop of what-if,
// rank stability and leave-one-out.
//
// A level-1 indicator given P′ points instead of P keeps the unit's earned share: the unit
// earns earned × P′/P and the points counting toward its applicable maximum become
// applicable × P′/P. Then spec §2 steps 4–8 exactly as the engine does them:
//   normalized = max(0, base − major) / applicableMax × 100
//   + min(Σ bonus, cap) when normalized ≥ gate; a cap veto limits the result to capTo;
//   final = the result rounded once, half up, to 2 places.
//
// Exactness. The result is a rational number; the engine computes it in bigint. Here the
// fast path computes it in float64 (typed arrays, ~10 µs for 300 units × 10 indicators)
// and its error is bounded far below 10⁻⁹ of a score point (≤ k + 5 roundings of a
// value ≤ 100 × (1 + bonus), k = number of indicators). The float result can only be
// wrong when the exact value sits within that error of a decision boundary: the bonus
// gate, a cap, or a half-hundredth rounding edge. Those three comparisons are made with a
// margin; inside the margin the unit is recomputed exactly in bigint rationals (the
// engine's own formula, with the points ratio over a common denominator). So every final
// here equals the exact one, and with the official points it equals the official final.
import { milliToNumber, roundMicroRatioToHundredths } from '../scoring/decimal';
import type { AnalysisGroup } from './analysis-group';

/** Int32 sentinel for "no final" (applicable maximum 0: unscored). */
export const NO_FINAL = -2147483648;

/** Margin (score points) around the gate and cap inside which the exact path decides. */
const POINT_MARGIN = 1e-7;
/** Margin (hundredths) around a half-hundredth inside which the exact path rounds. */
const ROUNDING_MARGIN = 1e-5;

type ScenarioArrays = Pick<AnalysisGroup, 'indicators' | 'earned' | 'applicable' | 'major' | 'bonus' | 'capTo' | 'bonusGate'>;

/**
 * Finals (hundredths, NO_FINAL when unscored) of every unit under `points` (thousandths per
 * level-1 indicator, in indicator order). Writes into `finals`; returns how many units
 * needed the exact path (for tests and the bench). `ratio` is optional scratch space.
 */
export function computeScenarioFinals(
  group: ScenarioArrays,
  points: ArrayLike<number>,
  finals: Int32Array,
  ratio: Float64Array = new Float64Array(group.indicators.length),
): number {
  const k = group.indicators.length;
  const { earned, applicable, major, bonus, capTo } = group;
  const n = major.length;
  for (let i = 0; i < k; i++) {
    const p = group.indicators[i]?.points ?? 0;
    ratio[i] = p > 0 ? (points[i] ?? 0) / p : 0;
  }
  const gate = group.bonusGate;
  const gatePoints = milliToNumber(gate);
  let exactCount = 0;
  let exact: ExactScenario | null = null;

  for (let u = 0; u < n; u++) {
    let base = 0;
    let max = 0;
    const row = u * k;
    for (let i = 0; i < k; i++) {
      const r = ratio[i] ?? 0;
      base += (earned[row + i] ?? 0) * r;
      max += (applicable[row + i] ?? 0) * r;
    }
    if (!(max > 0)) {
      finals[u] = NO_FINAL;
      continue;
    }
    let net = base - (major[u] ?? 0) * 1000;
    if (net < 0) net = 0;
    const normalized = (net * 100) / max;
    const b = bonus[u] ?? 0;
    const cap = capTo[u] ?? -1;
    let result = normalized;
    let isDecided = true;
    if (b > 0 && gate >= 0) {
      const d = normalized - gatePoints;
      if (d > -POINT_MARGIN && d < POINT_MARGIN) isDecided = false;
      else if (d > 0) result += milliToNumber(b);
    }
    let final = 0;
    if (isDecided && cap >= 0) {
      const d = result - milliToNumber(cap);
      if (d > -POINT_MARGIN && d < POINT_MARGIN) isDecided = false;
      else if (d > 0)
        final = Math.floor((cap + 5) / 10); // capTo, rounded half up, exactly
      else final = roundHundredths(result);
    } else if (isDecided) {
      final = roundHundredths(result);
    }
    if (final === ROUNDING_EDGE) isDecided = false;
    if (isDecided) {
      finals[u] = final;
    } else {
      exact ??= prepareExactScenario(group, points);
      finals[u] = computeExactFinal(group, exact, u);
      exactCount++;
    }
  }
  return exactCount;
}

/** Returned by roundHundredths when the value lies too close to a half-hundredth. */
const ROUNDING_EDGE = -1;

function roundHundredths(value: number): number {
  const h = value * 100;
  const floor = Math.floor(h);
  const frac = h - floor - 0.5;
  if (frac > -ROUNDING_MARGIN && frac < ROUNDING_MARGIN) return ROUNDING_EDGE;
  return frac > 0 ? floor + 1 : floor;
}

interface ExactScenario {
  /** points′ × (D / points) per indicator, D = lcm of the official points. */
  coefficients: bigint[];
  denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function prepareExactScenario(group: ScenarioArrays, points: ArrayLike<number>): ExactScenario {
  let denominator = 1n;
  for (const indicator of group.indicators) {
    if (indicator.points > 0) {
      const p = BigInt(indicator.points);
      denominator = (denominator / gcd(denominator, p)) * p;
    }
  }
  const coefficients = group.indicators.map((indicator, i) =>
    indicator.points > 0 ? BigInt(points[i] ?? 0) * (denominator / BigInt(indicator.points)) : 0n,
  );
  return { coefficients, denominator };
}

/** The engine's formula (compute-unit.ts) with base and applicableMax scaled by D. */
function computeExactFinal(group: ScenarioArrays, exact: ExactScenario, u: number): number {
  const k = group.indicators.length;
  let base = 0n;
  let max = 0n;
  for (let i = 0; i < k; i++) {
    const c = exact.coefficients[i] ?? 0n;
    if (c === 0n) continue;
    base += BigInt(group.earned[u * k + i] ?? 0) * c;
    max += BigInt(group.applicable[u * k + i] ?? 0) * c;
  }
  if (max <= 0n) return NO_FINAL;
  let net = base - BigInt(group.major[u] ?? 0) * 1000n * exact.denominator;
  if (net < 0n) net = 0n;
  let num = net * 100_000_000n;
  let den = max;
  const bonus = group.bonus[u] ?? 0;
  if (bonus > 0 && group.bonusGate >= 0 && num >= BigInt(group.bonusGate) * 1000n * den) num += BigInt(bonus) * 1000n * den;
  const cap = group.capTo[u] ?? -1;
  if (cap >= 0 && num > BigInt(cap) * 1000n * den) {
    num = BigInt(cap) * 1000n;
    den = 1n;
  }
  return roundMicroRatioToHundredths(num, den);
}

/** Exact final of one unit, always through bigint (the reference the tests compare to). */
export function computeExactScenarioFinal(group: ScenarioArrays, points: ArrayLike<number>, u: number): number {
  return computeExactFinal(group, prepareExactScenario(group, points), u);
}

/**
 * Scratch for `rankScenarioFinals`: the units ordered by their last finals, best first.
 * Kept between calls, because a new scenario (a slider step, a Monte Carlo draw) mostly
 * reorders neighbours, so re-sorting the previous order by insertion costs O(n + swaps).
 */
export interface RankOrder {
  order: Int32Array;
  keys: Int32Array;
}

/** Starts from the group's official order (units are listed by official rank). */
export function createRankOrder(unitCount: number): RankOrder {
  return { order: Int32Array.from({ length: unitCount }, (_, i) => i), keys: new Int32Array(unitCount) };
}

/**
 * Standard competition ranks (1, 2, 2, 4), the same as the engine's rankWithinGroup:
 * ranks[u] = 1 + number of rankable units with a strictly higher final; 0 for an
 * unscored (NO_FINAL) or fail-vetoed unit.
 */
export function rankScenarioFinals(
  finals: Int32Array,
  isVetoFail: Uint8Array,
  ranks: Int32Array,
  scratch: RankOrder = createRankOrder(finals.length),
): void {
  const n = finals.length;
  const { order, keys } = scratch;
  for (let u = 0; u < n; u++) keys[u] = isVetoFail[u] === 0 ? (finals[u] ?? NO_FINAL) : NO_FINAL;
  // insertion sort by key, descending (stable)
  for (let i = 1; i < n; i++) {
    const u = order[i] ?? 0;
    const key = keys[u] ?? NO_FINAL;
    let j = i - 1;
    while (j >= 0 && (keys[order[j] ?? 0] ?? NO_FINAL) < key) {
      order[j + 1] = order[j] ?? 0;
      j--;
    }
    order[j + 1] = u;
  }
  let previousKey = NO_FINAL;
  let previousRank = 0;
  for (let p = 0; p < n; p++) {
    const u = order[p] ?? 0;
    const key = keys[u] ?? NO_FINAL;
    if (key === NO_FINAL) {
      ranks[u] = 0;
      continue;
    }
    if (p === 0 || key !== previousKey) previousRank = p + 1;
    ranks[u] = previousRank;
    previousKey = key;
  }
}
