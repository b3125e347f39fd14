// 排名, cross-group comparison, heat map, trends, a unit's history: read from the read models of
// the publications in force (db/read-models: indexed rows written at publication), never from
// their snapshots. Official rankings are within groups; across groups only percentiles and
// standard scores are given.
import type { Period } from '@kaoping/domain/period/period';
import { notFound } from '@kaoping/domain/errors/domain-error';
import { findUnitById } from '@kaoping/db/units/unit.repository';
import {
  listPublishedGroupStats,
  listPublishedUnitResults,
  listUnitPublishedResults,
  mapFinalsInPublication,
  type PublishedUnitResult,
} from '@kaoping/db/read-models/published-read-models';
import type { Actor } from '../actor';
import { assertCanSeeUnit } from '../scope';
import { keptWhileUnchanged, listPublishedRoundsWithReadModels, loadSchemeView, type DataVersionSource } from './dashboard-data';
import { averageShare, percentilesInGroup, shareOf, standardScore } from '@kaoping/domain/dashboard/cross-group';
import type { GroupStats } from '@kaoping/domain/dashboard/group-stats';
import { pickRound, previousRoundOf } from '@kaoping/domain/dashboard/published-periods';
import type { Db } from '@kaoping/db/connect';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';

function groupsOf(stats: readonly { stats: GroupStats }[]) {
  return stats.map(({ stats: g }) => ({ code: g.code, name: g.name, units: g.units }));
}

const vetoesOf = (r: PublishedUnitResult) => r.vetoEvents.map((e) => ({ code: e.code, name: e.name }));

/** One group's official ranking for a quarter, with movement and score change since the previous quarter. */
export async function getGroupRanking(
  db: Db,
  actor: Actor,
  input: { period: Period | null; group: string | null },
  versionOf?: DataVersionSource,
) {
  return keptWhileUnchanged(
    db,
    `ranking|${input.period?.code ?? ''}|${input.group ?? ''}`,
    () => groupRankingOf(db, actor, input),
    versionOf,
  );
}

async function groupRankingOf(db: Db, actor: Actor, input: { period: Period | null; group: string | null }) {
  const rounds = await listPublishedRoundsWithReadModels(db);
  const round = pickRound(rounds, input.period);
  const previousRound = previousRoundOf(rounds, round);
  const [view, stats] = await Promise.all([loadSchemeView(db, round), listPublishedGroupStats(db, [round.publicationId])]);
  const group = input.group === null ? stats[0] : stats.find((g) => g.stats.code === input.group);
  if (!group) throw notFound(`分组 ${input.group ?? ''} 不在 ${round.period} 的考评结果中`);
  const [rows, before] = await Promise.all([
    listPublishedUnitResults(db, [round.publicationId], { group: group.stats.code }),
    previousRound
      ? mapFinalsInPublication(db, round.publicationId, group.stats.code, previousRound.publicationId)
      : new Map<string, null>(),
  ]);
  return {
    period: round.period,
    previousPeriod: previousRound?.period ?? null,
    round: { id: round.roundId, title: round.title, status: round.status, publishedAt: round.publishedAt },
    groups: groupsOf(stats),
    group: { code: group.stats.code, name: group.stats.name },
    passScore: view.rule.passScore,
    stats: group.stats,
    rows: rows.map((r) => {
      const previousFinal = before.get(r.unit) ?? null;
      return {
        unitId: r.unitId,
        unit: r.unit,
        name: r.name,
        final: r.final,
        rank: r.rank,
        rankDelta: r.rankDelta,
        grade: r.grade,
        isQuotaDemoted: r.isQuotaDemoted,
        isVetoFail: r.isVetoFail,
        isFailing: r.isFailing,
        vetoes: vetoesOf(r),
        scoreDelta: previousFinal !== null && r.final !== null ? Math.round((r.final - previousFinal) * 100) / 100 : null,
        unscoredReason: r.unscoredReason,
      };
    }),
  };
}

/** Every unit of a quarter on one scale that crosses groups: percentile within its group and standard score. */
export async function getCrossGroupComparison(db: Db, actor: Actor, input: { period: Period | null }, versionOf?: DataVersionSource) {
  return keptWhileUnchanged(db, `crossGroup|${input.period?.code ?? ''}`, () => crossGroupOf(db, actor, input), versionOf);
}

async function crossGroupOf(db: Db, actor: Actor, input: { period: Period | null }) {
  const rounds = await listPublishedRoundsWithReadModels(db);
  const round = pickRound(rounds, input.period);
  const [stats, units] = await Promise.all([
    listPublishedGroupStats(db, [round.publicationId]),
    listPublishedUnitResults(db, [round.publicationId]),
  ]);
  const groups = stats.map(({ stats: g }) => {
    const rows = units.filter((r) => r.group === g.code);
    return { code: g.code, name: g.name, stats: g, percentiles: percentilesInGroup(rows.map((r) => r.rank)), rows };
  });
  const rows = groups.flatMap((g) =>
    g.rows.map((r, i) => ({
      unitId: r.unitId,
      unit: r.unit,
      name: r.name,
      group: g.code,
      groupName: g.name,
      final: r.final,
      rank: r.rank,
      groupRanked: g.stats.ranked,
      grade: r.grade,
      isVetoFail: r.isVetoFail,
      percentile: g.percentiles[i] ?? null,
      standardScore: standardScore(r.final, g.stats),
    })),
  );
  rows.sort(
    (a, b) =>
      (b.percentile ?? -1) - (a.percentile ?? -1) || (b.standardScore ?? -99) - (a.standardScore ?? -99) || (a.unit < b.unit ? -1 : 1),
  );
  return { period: round.period, groups: groups.map((g) => g.stats), rows };
}

/** Units × level-1 indicators of one group: the share of points earned, and the group's average per indicator. */
export async function getHeatMap(
  db: Db,
  actor: Actor,
  input: { period: Period | null; group: string | null },
  versionOf?: DataVersionSource,
) {
  return keptWhileUnchanged(db, `heatMap|${input.period?.code ?? ''}|${input.group ?? ''}`, () => heatMapOf(db, actor, input), versionOf);
}

async function heatMapOf(db: Db, actor: Actor, input: { period: Period | null; group: string | null }) {
  const rounds = await listPublishedRoundsWithReadModels(db);
  const round = pickRound(rounds, input.period);
  const [view, stats] = await Promise.all([loadSchemeView(db, round), listPublishedGroupStats(db, [round.publicationId])]);
  const group = input.group === null ? stats[0]?.stats : stats.find((g) => g.stats.code === input.group)?.stats;
  if (group === undefined) throw notFound(`分组 ${input.group ?? ''} 不在 ${round.period} 的考评结果中`);
  const rows = await listPublishedUnitResults(db, [round.publicationId], { group: group.code, level1: true });
  const indicators = view.scheme.nodes
    .filter((n) => n.level === 1)
    .map((n) => ({ code: n.code, name: n.name, points: milliToNumber(n.points) }));
  const units = rows
    .filter((r) => r.final !== null)
    .map((r) => {
      const lines = new Map(r.level1.map((l) => [l.code, l]));
      return {
        unitId: r.unitId,
        unit: r.unit,
        name: r.name,
        rank: r.rank,
        final: r.final,
        shares: indicators.map((i) => {
          const line = lines.get(i.code);
          return line ? shareOf(line.earned, line.applicablePoints) : null;
        }),
      };
    });
  const average = indicators.map((_, i) => averageShare(units.map((u) => u.shares[i] ?? null)));
  const weakest =
    indicators
      .map((indicator, i) => ({ ...indicator, average: average[i] ?? null }))
      .filter((x): x is typeof x & { average: number } => x.average !== null)
      .sort((a, b) => a.average - b.average)[0] ?? null;
  return {
    period: round.period,
    groups: groupsOf(stats),
    group: { code: group.code, name: group.name },
    indicators,
    units,
    average,
    weakest,
  };
}

/** Each group over the published quarters: average, spread, pass rate. */
export async function getGroupTrends(db: Db, versionOf?: DataVersionSource) {
  return keptWhileUnchanged(db, 'trends', () => groupTrendsOf(db), versionOf);
}

async function groupTrendsOf(db: Db) {
  const rounds = await listPublishedRoundsWithReadModels(db);
  const stats = await listPublishedGroupStats(
    db,
    rounds.map((r) => r.publicationId),
  );
  const byGroup = new Map<string, { code: string; name: string; points: ({ period: string } & GroupStats)[] }>();
  let passScore: number | null = null;
  for (const round of rounds) {
    const view = await loadSchemeView(db, round);
    passScore = view.rule.passScore;
    for (const { stats: g } of stats.filter((s) => s.publicationId === round.publicationId)) {
      const entry = byGroup.get(g.code) ?? { code: g.code, name: g.name, points: [] };
      entry.name = g.name;
      entry.points.push({ period: round.period, ...g });
      byGroup.set(g.code, entry);
    }
  }
  return { periods: rounds.map((r) => r.period), passScore, groups: [...byGroup.values()] };
}

export interface UnitHistoryPoint {
  period: string;
  group: string;
  groupName: string;
  final: number | null;
  rank: number | null;
  rankedCount: number;
  grade: string | null;
  isVetoFail: boolean;
  isFailing: boolean;
}

/** A unit's rows in every published quarter it was assessed in (oldest first), with those quarters. */
export async function unitPublishedRowsOf(db: Db, unitCode: string) {
  const rounds = await listPublishedRoundsWithReadModels(db);
  const rows = await listUnitPublishedResults(
    db,
    unitCode,
    rounds.map((r) => r.publicationId),
  );
  const byPublication = new Map(rows.map((r) => [r.publicationId, r]));
  return rounds.flatMap((round) => {
    const row = byPublication.get(round.publicationId);
    return row ? [{ round, row }] : [];
  });
}

/** A unit's score, rank and grade in every published quarter it was assessed in. */
export async function unitHistoryOf(
  db: Db,
  actor: Actor,
  unitCode: string,
  /** The unit's rows when the caller has read them already (the profile). */
  rows?: Awaited<ReturnType<typeof unitPublishedRowsOf>>,
): Promise<{ points: UnitHistoryPoint[]; passScore: number | null }> {
  const assessed = rows ?? (await unitPublishedRowsOf(db, unitCode));
  const stats = await listPublishedGroupStats(
    db,
    assessed.map((a) => a.round.publicationId),
  );
  const points: UnitHistoryPoint[] = [];
  let passScore: number | null = null;
  for (const { round, row } of assessed) {
    const group = stats.find((s) => s.publicationId === round.publicationId && s.stats.code === row.group)?.stats;
    passScore = (await loadSchemeView(db, round)).rule.passScore;
    points.push({
      period: round.period,
      group: row.group,
      groupName: group?.name ?? row.group,
      final: row.final,
      rank: row.rank,
      rankedCount: group?.ranked ?? 0,
      grade: row.grade,
      isVetoFail: row.isVetoFail,
      isFailing: row.isFailing,
    });
  }
  return { points, passScore };
}

export async function getUnitHistory(db: Db, actor: Actor, input: { unitId: number }) {
  assertCanSeeUnit(actor.user, input.unitId);
  const unit = await findUnitById(db, input.unitId);
  if (!unit) throw notFound('单位不存在');
  return { unit: { id: unit.id, code: unit.code, name: unit.name }, ...(await unitHistoryOf(db, actor, unit.code)) };
}
