// Grades (spec §3): the first band whose minimum the final reaches; a fail veto gives the
// lowest band; the quota grade goes to at most floor(maxPct/100 × ranked units) units,
// taken in rank order, a tied set that would cross the limit demoted as a whole (and
// every qualifying unit after it), demoted units taking the next band down.
import type { CompiledBand, CompiledScheme } from './compile-scheme';

export interface GradeEntry {
  /** Integer hundredths; null when unscored. */
  finalHundredths: number | null;
  rank: number | null;
  isVetoFail: boolean;
}

export interface GradeAssignment {
  grade: string | null;
  isQuotaDemoted: boolean;
}

/** Index of the first band whose `min` (thousandths) ≤ final (hundredths). */
export function bandIndexFor(bands: readonly CompiledBand[], finalHundredths: number): number {
  const finalMilli = finalHundredths * 10;
  for (let i = 0; i < bands.length; i++) if ((bands[i]?.min ?? 0) <= finalMilli) return i;
  return bands.length - 1;
}

/** floor(maxPct / 100 × ranked), exactly (maxPct in thousandths of a percent). */
export function quotaLimit(maxPctMilli: number, rankedCount: number): number {
  return Math.floor((maxPctMilli * rankedCount) / 100_000);
}

export function assignGrades(grading: Pick<CompiledScheme, 'bands' | 'quota'>, entries: readonly GradeEntry[]): GradeAssignment[] {
  const { bands, quota } = grading;
  const lowest = bands.length - 1;
  const bandIndexes = entries.map((e) => {
    if (e.isVetoFail) return lowest;
    if (e.finalHundredths === null) return -1;
    return bandIndexFor(bands, e.finalHundredths);
  });
  const demoted = new Array<boolean>(entries.length).fill(false);

  if (quota !== null && quota.bandIndex >= 0 && quota.bandIndex < lowest) {
    const ranked: number[] = [];
    entries.forEach((e, i) => {
      if (e.rank !== null && !e.isVetoFail && e.finalHundredths !== null) ranked.push(i);
    });
    const limit = quotaLimit(quota.maxPct, ranked.length);
    // qualifying units by rank; a tie set is granted only if all of it fits
    const qualifying = ranked
      .filter((i) => bandIndexes[i] === quota.bandIndex)
      .sort((a, b) => (entries[a]?.rank ?? 0) - (entries[b]?.rank ?? 0));
    let granted = 0;
    let isClosed = false;
    for (let start = 0; start < qualifying.length;) {
      const rank = entries[qualifying[start] ?? -1]?.rank;
      let end = start;
      while (end < qualifying.length && entries[qualifying[end] ?? -1]?.rank === rank) end++;
      const size = end - start;
      if (!isClosed && granted + size <= limit) granted += size;
      else {
        isClosed = true;
        for (let k = start; k < end; k++) demoted[qualifying[k] ?? -1] = true;
      }
      start = end;
    }
  }

  return entries.map((_, i) => {
    const b = bandIndexes[i] ?? -1;
    if (b < 0) return { grade: null, isQuotaDemoted: false };
    const isDemoted = demoted[i] === true;
    const band = bands[isDemoted ? b + 1 : b];
    return { grade: band?.grade ?? null, isQuotaDemoted: isDemoted };
  });
}
