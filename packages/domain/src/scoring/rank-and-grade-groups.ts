// Ranking and grading of every group of a period (or a year), shared by the quarterly
// and the annual computation, and the order rows are listed in: ranked rows by rank
// (ties by unit code, for display only), then unranked rows (vetoed by final, then
// unscored), each by unit code.
import { assignGrades } from './assign-grades';
import type { CompiledScheme } from './compile-scheme';
import { computeRankDelta, rankWithinGroup } from './rank-within-group';
import type { PreviousRank } from './scoring-inputs';

export interface GroupEntry {
  unit: string;
  group: string;
  finalHundredths: number | null;
  isVetoFail: boolean;
}

export interface RankedEntry<E extends GroupEntry> {
  entry: E;
  rank: number | null;
  rankDelta: number | null;
  grade: string | null;
  isQuotaDemoted: boolean;
}

export function rankAndGradeGroups<E extends GroupEntry>(
  scheme: Pick<CompiledScheme, 'groups' | 'bands' | 'quota'>,
  entries: readonly E[],
  previousRanks: readonly PreviousRank[] = [],
): { code: string; name: string; rows: RankedEntry<E>[] }[] {
  const previous = new Map<string, PreviousRank>();
  for (const p of previousRanks) previous.set(p.unit, p);
  const byGroup = new Map<string, E[]>();
  for (const g of scheme.groups) byGroup.set(g.code, []);
  for (const e of entries) byGroup.get(e.group)?.push(e);

  return scheme.groups.map((g) => {
    const members = byGroup.get(g.code) ?? [];
    const ranks = rankWithinGroup(members);
    const grades = assignGrades(
      scheme,
      members.map((m, i) => ({ finalHundredths: m.finalHundredths, rank: ranks[i] ?? null, isVetoFail: m.isVetoFail })),
    );
    const rows = members.map((entry, i): RankedEntry<E> => {
      const rank = ranks[i] ?? null;
      const grade = grades[i] ?? { grade: null, isQuotaDemoted: false };
      return {
        entry,
        rank,
        rankDelta: computeRankDelta({ group: entry.group, rank }, previous.get(entry.unit)),
        grade: grade.grade,
        isQuotaDemoted: grade.isQuotaDemoted,
      };
    });
    rows.sort(compareRows);
    return { code: g.code, name: g.name, rows };
  });
}

function compareRows(a: RankedEntry<GroupEntry>, b: RankedEntry<GroupEntry>): number {
  const ra = a.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.rank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra - rb;
  const fa = a.entry.finalHundredths ?? Number.NEGATIVE_INFINITY;
  const fb = b.entry.finalHundredths ?? Number.NEGATIVE_INFINITY;
  if (fa !== fb) return fb - fa;
  return a.entry.unit < b.entry.unit ? -1 : a.entry.unit > b.entry.unit ? 1 : 0;
}
