// The dashboard as it read publications before the read models (issue #14): every request picked
// the publication in force and read its results (parsed and kept by content hash) or recomputed its
// snapshot. Kept unchanged as the golden reference of dashboard-read-models.golden.test.ts only.
// 排名, cross-group comparison, heat map, trends: read from the publications in force. Official
// rankings are within groups; across groups only percentiles and standard scores are given.
import type { Period } from '@kaoping/domain/period/period';
import { notFound } from '@kaoping/domain/errors/domain-error';
import { findUnitById } from '@kaoping/db/units/unit.repository';
import { mapUnitIdsByCode } from '@kaoping/db/dashboard/dashboard.repository';
import type { Actor } from '../../actor';
import { assertCanSeeUnit } from '../../scope';
import { listPublishedRounds, loadAllPeriods, loadGroupSheets, loadPeriodView, loadResultsOfRounds } from './dashboard-data';
import { averageShare, percentilesInGroup, shareOf, standardScore } from '@kaoping/domain/dashboard/cross-group';
import { groupStatsOf } from '@kaoping/domain/dashboard/group-stats';
import { pickRound, previousRoundOf } from '@kaoping/domain/dashboard/published-periods';
import { isFailing } from '@kaoping/domain/scoring/pass-line';
import type { Db } from '@kaoping/db/connect';
import { milliToNumber } from '@kaoping/domain/scoring/decimal';

async function periodAndPrevious(db: Db, actor: Actor, period: Period | null) {
  const rounds = await listPublishedRounds(db);
  const round = pickRound(rounds, period);
  const previousRound = previousRoundOf(rounds, round);
  const results = await loadResultsOfRounds(db, previousRound ? [round, previousRound] : [round]);
  const view = await loadPeriodView(db, round, results.get(round.period));
  return {
    view,
    previous: previousRound ? (results.get(previousRound.period) ?? null) : null,
    previousPeriod: previousRound?.period ?? null,
  };
}

function groupsOf(results: { groups: readonly { code: string; name: string; rows: readonly unknown[] }[] }) {
  return results.groups.map((g) => ({ code: g.code, name: g.name, units: g.rows.length }));
}

/** One group's official ranking for a quarter, with movement and score change since the previous quarter. */
export async function getGroupRanking(db: Db, actor: Actor, input: { period: Period | null; group: string | null }) {
  const { view, previous, previousPeriod } = await periodAndPrevious(db, actor, input.period);
  const group = input.group === null ? view.results.groups[0] : view.results.groups.find((g) => g.code === input.group);
  if (!group) throw notFound(`分组 ${input.group ?? ''} 不在 ${view.round.period} 的考评结果中`);
  const unitIds = await mapUnitIdsByCode(db);
  const before = new Map((previous?.groups ?? []).flatMap((g) => g.rows.map((r) => [r.unit, r] as const)));
  return {
    period: view.round.period,
    previousPeriod,
    round: { id: view.round.roundId, title: view.round.title, status: view.round.status, publishedAt: view.round.publishedAt },
    groups: groupsOf(view.results),
    group: { code: group.code, name: group.name },
    passScore: view.rule.passScore,
    stats: groupStatsOf(group, view.rule),
    rows: group.rows.map((r) => {
      const old = before.get(r.unit);
      const previousFinal = old?.final ?? null;
      return {
        unitId: unitIds.get(r.unit) ?? null,
        unit: r.unit,
        name: r.name,
        final: r.final,
        rank: r.rank,
        rankDelta: r.rankDelta,
        grade: r.grade,
        isQuotaDemoted: r.isQuotaDemoted,
        isVetoFail: r.isVetoFail,
        isFailing: isFailing(r, view.rule),
        vetoes: r.events.vetoes.map((e) => ({ code: e.code, name: e.name })),
        scoreDelta: previousFinal !== null && r.final !== null ? Math.round((r.final - previousFinal) * 100) / 100 : null,
        unscoredReason: r.unscoredReason,
      };
    }),
  };
}

/** Every unit of a quarter on one scale that crosses groups: percentile within its group and standard score. */
export async function getCrossGroupComparison(db: Db, actor: Actor, input: { period: Period | null }) {
  const rounds = await listPublishedRounds(db);
  const view = await loadPeriodView(db, pickRound(rounds, input.period));
  const unitIds = await mapUnitIdsByCode(db);
  const groups = view.results.groups.map((g) => ({
    code: g.code,
    name: g.name,
    stats: groupStatsOf(g, view.rule),
    percentiles: percentilesInGroup(g.rows.map((r) => r.rank)),
    rows: g.rows,
  }));
  const rows = groups.flatMap((g) =>
    g.rows.map((r, i) => ({
      unitId: unitIds.get(r.unit) ?? null,
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
  return { period: view.round.period, groups: groups.map((g) => g.stats), rows };
}

/** Units × level-1 indicators of one group: the share of points earned, and the group's average per indicator. */
export async function getHeatMap(db: Db, actor: Actor, input: { period: Period | null; group: string | null }) {
  const rounds = await listPublishedRounds(db);
  const view = await loadPeriodView(db, pickRound(rounds, input.period));
  const groupCode = input.group ?? view.results.groups[0]?.code;
  if (groupCode === undefined || !view.results.groups.some((g) => g.code === groupCode))
    throw notFound(`分组 ${input.group ?? ''} 不在 ${view.round.period} 的考评结果中`);
  const { group } = await loadGroupSheets(db, view, groupCode);
  const unitIds = await mapUnitIdsByCode(db);
  const indicators = view.scheme.nodes
    .filter((n) => n.level === 1)
    .map((n) => ({ code: n.code, name: n.name, points: milliToNumber(n.points) }));
  const units = group.rows
    .filter((r) => r.final !== null)
    .map((r) => {
      const lines = new Map((r.sheet ?? []).filter((l) => l.level === 1).map((l) => [l.code, l]));
      return {
        unitId: unitIds.get(r.unit) ?? null,
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
    period: view.round.period,
    groups: groupsOf(view.results),
    group: { code: group.code, name: group.name },
    indicators,
    units,
    average,
    weakest,
  };
}

/** Each group over the published quarters: average, spread, pass rate. */
export async function getGroupTrends(db: Db) {
  const { rounds, results } = await loadAllPeriods(db);
  const byGroup = new Map<string, { code: string; name: string; points: ({ period: string } & ReturnType<typeof groupStatsOf>)[] }>();
  let passScore: number | null = null;
  for (const round of rounds) {
    const periodResults = results.get(round.period);
    if (!periodResults) continue;
    const view = await loadPeriodView(db, round, periodResults);
    passScore = view.rule.passScore;
    for (const g of periodResults.groups) {
      const entry = byGroup.get(g.code) ?? { code: g.code, name: g.name, points: [] };
      entry.name = g.name;
      entry.points.push({ period: round.period, ...groupStatsOf(g, view.rule) });
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

/** A unit's score, rank and grade in every published quarter it was assessed in. */
export async function unitHistoryOf(
  db: Db,
  actor: Actor,
  unitCode: string,
): Promise<{ points: UnitHistoryPoint[]; passScore: number | null }> {
  const { rounds, results } = await loadAllPeriods(db);
  const points: UnitHistoryPoint[] = [];
  let passScore: number | null = null;
  for (const round of rounds) {
    const periodResults = results.get(round.period);
    if (!periodResults) continue;
    for (const g of periodResults.groups) {
      const row = g.rows.find((r) => r.unit === unitCode);
      if (!row) continue;
      const view = await loadPeriodView(db, round, periodResults);
      passScore = view.rule.passScore;
      points.push({
        period: round.period,
        group: g.code,
        groupName: g.name,
        final: row.final,
        rank: row.rank,
        rankedCount: g.rows.filter((r) => r.rank !== null).length,
        grade: row.grade,
        isVetoFail: row.isVetoFail,
        isFailing: isFailing(row, view.rule),
      });
    }
  }
  return { points, passScore };
}

export async function getUnitHistory(db: Db, actor: Actor, input: { unitId: number }) {
  assertCanSeeUnit(actor.user, input.unitId);
  const unit = await findUnitById(db, input.unitId);
  if (!unit) throw notFound('单位不存在');
  return { unit: { id: unit.id, code: unit.code, name: unit.name }, ...(await unitHistoryOf(db, actor, unit.code)) };
}
