// Standard competition ranking within one group (spec §3): equal finals share a rank and
// the next rank skips (1, 2, 2, 4). Unscored and fail-vetoed units get no rank.

export interface RankEntry {
  /** Integer hundredths; null when unscored. */
  finalHundredths: number | null;
  isVetoFail: boolean;
}

/** Whether an entry takes part in the ranking. */
export function isRankable(entry: RankEntry): boolean {
  return entry.finalHundredths !== null && !entry.isVetoFail;
}

/**
 * Ranks aligned with `entries`: 1 + the number of rankable entries with a strictly
 * higher final, so the result does not depend on the order of the input.
 */
export function rankWithinGroup(entries: readonly RankEntry[]): (number | null)[] {
  const finals: number[] = [];
  for (const e of entries) if (e.finalHundredths !== null && !e.isVetoFail) finals.push(e.finalHundredths);
  finals.sort((a, b) => b - a);
  // first position of each distinct final in descending order = its rank − 1
  const rankOf = new Map<number, number>();
  finals.forEach((f, i) => {
    if (!rankOf.has(f)) rankOf.set(f, i + 1);
  });
  return entries.map((e) => (e.finalHundredths !== null && !e.isVetoFail ? (rankOf.get(e.finalHundredths) ?? null) : null));
}

/** previous rank − current rank when ranked in the same group both times, else null. */
export function computeRankDelta(
  current: { group: string; rank: number | null },
  previous: { group: string; rank: number | null } | undefined,
): number | null {
  if (previous === undefined || previous.rank === null || current.rank === null || previous.group !== current.group) return null;
  return previous.rank - current.rank;
}
