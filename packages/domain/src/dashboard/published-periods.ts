// Choosing among the published quarters (oldest first): the one asked for or the latest, and the
// quarter before it when that was published too.
import { notFound } from '../errors/domain-error';
import { parsePeriod, previousPeriod, type Period } from '../period/period';

/** The published quarter asked for, or the latest one; not-found when there is none. */
export function pickRound<T extends { period: string }>(rounds: readonly T[], period: Period | null): T {
  if (period === null) {
    const latest = rounds[rounds.length - 1];
    if (!latest) throw notFound('尚无已发布的考评结果');
    return latest;
  }
  const round = rounds.find((r) => r.period === period.code);
  if (!round) throw notFound(`期次 ${period.code} 尚无已发布的考评结果`);
  return round;
}

/** The quarter before `round` when it was published too. */
export function previousRoundOf<T extends { period: string }>(rounds: readonly T[], round: T): T | null {
  const period = parsePeriod(round.period);
  if (!period) return null;
  const code = previousPeriod(period).code;
  return rounds.find((r) => r.period === code) ?? null;
}
