// Figures that compare units across groups of different sizes: percentile within the group (share
// of the group's other ranked units ranked below, 0–100), the standard score z = (final − group
// mean) / group SD, and level-1 shares of points earned.
import type { GroupStats } from './group-stats';

const round2 = (x: number) => Math.round(x * 100) / 100;
const round1 = (x: number) => Math.round(x * 10) / 10;

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
