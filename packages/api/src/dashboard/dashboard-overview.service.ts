// 概览: a published quarter's key figures for readers (every group), and one unit's own
// figures (what a liaison sees). Results come from the publication in force; annual reports
// and the ledger are read as of today.
import { chinaToday, type Period } from '@kaoping/domain/period/period';
import { findUnitById } from '@kaoping/db/units/unit.repository';
import { countActiveFindingsByUnit, listRectificationTimeline, mapUnitIdsByCode } from '@kaoping/db/dashboard/dashboard.repository';
import { notFound } from '@kaoping/domain/errors/domain-error';
import type { Actor } from '../actor';
import { assertCanSeeUnit } from '../scope';
import type { UnitPeriodResult } from '@kaoping/domain/scoring/scoring-result';
import { LRUCache } from 'lru-cache';
import {
  listPublishedGroupStats,
  listPublishedUnitResults,
  listUnitPublishedResults,
  type PublishedUnitResult,
} from '@kaoping/db/read-models/published-read-models';
import type { PublishedRound } from '@kaoping/db/dashboard/dashboard.repository';
import {
  listPublishedRounds,
  listPublishedRoundsWithReadModels,
  loadPeriodView,
  loadReportTimeliness,
  loadResultsOfRounds,
  keptWhileUnchanged,
  loadSchemeView,
  type DataVersionSource,
} from './dashboard-data';
import { groupStatsOf } from '@kaoping/domain/dashboard/group-stats';
import { rectificationSummaryOf, overdueItemsOf } from '@kaoping/domain/dashboard/ledger-summary';
import { periodChangesOf } from '@kaoping/domain/dashboard/period-changes';
import { pickRound, previousRoundOf } from '@kaoping/domain/dashboard/published-periods';
import type { ReportTimelinessRow } from '@kaoping/domain/dashboard/report-timeliness';
import { briefOf, topAndBottom } from '@kaoping/domain/dashboard/unit-brief';
import { isFailing } from '@kaoping/domain/scoring/pass-line';
import type { Db } from '@kaoping/db/connect';

/** The quarters with published results, newest first: what the pages' period pickers offer. */
export async function listDashboardPeriods(db: Db) {
  const rounds = await listPublishedRounds(db);
  return {
    latest: rounds[rounds.length - 1]?.period ?? null,
    periods: [...rounds].reverse().map((r) => ({
      period: r.period,
      roundId: r.roundId,
      title: r.title,
      status: r.status,
      publishedAt: r.publishedAt,
      isRestated: r.sequence > 1,
    })),
  };
}

/** The quarter asked for (default: the latest published) and the one before it. */
async function pickRounds(db: Db, period: Period | null): Promise<{ round: PublishedRound | null; previous: PublishedRound | null }> {
  const rounds = await listPublishedRoundsWithReadModels(db);
  if (rounds.length === 0 && period === null) return { round: null, previous: null };
  const round = pickRound(rounds, period);
  return { round, previous: previousRoundOf(rounds, round) };
}

async function loadViews(db: Db, round: PublishedRound, previousRound: PublishedRound | null) {
  const results = await loadResultsOfRounds(db, previousRound ? [round, previousRound] : [round]);
  const view = await loadPeriodView(db, round, results.get(round.period));
  const previous = previousRound ? await loadPeriodView(db, previousRound, results.get(previousRound.period)) : null;
  return { view, previous };
}

/** Changes listed on the overview beyond this many are counted, not listed. */
const CHANGE_LIST_LIMIT = 10;

/**
 * The reader's overview of a quarter (default: the latest published): figures per group and in
 * total, the top and bottom units, what changed. Its size does not grow with the number of units:
 * the lists behind the figures come from `getOverviewList`.
 */
export async function getCityOverview(db: Db, actor: Actor, input: { period: Period | null }, versionOf?: DataVersionSource) {
  // The whole answer is a function of the office's data, the period asked for and today's date (no
  // per-user scope: readers only). The version is read first, so a write that lands meanwhile can
  // only make the kept answer newer than its key, never older.
  return keptWhileUnchanged(
    db,
    `overview|${chinaToday(actor.now)}|${input.period?.code ?? ''}`,
    () => computeCityOverview(db, actor, input),
    versionOf,
  );
}

async function computeCityOverview(db: Db, actor: Actor, input: { period: Period | null }) {
  const now = actor.now;
  const today = chinaToday(now);
  const { round, previous: previousRound } = await pickRounds(db, input.period);
  const reportYear = reportYearOf(round, today);
  const [reports, items] = await Promise.all([
    loadReportTimeliness(db, reportYear, now),
    listRectificationTimeline(db, { unitId: null, groupId: null }),
  ]);
  const rectification = rectificationSummaryOf(items, today);

  const assessment = round ? await assessmentOverviewOf(db, round, previousRound) : null;

  return {
    today,
    assessment,
    reports: { year: reports.year, overall: reports.overall, groups: reports.groups },
    rectification: {
      today,
      open: rectification.overall.open,
      overdue: rectification.overall.overdue,
      awaitingUnit: rectification.overall.awaitingUnit,
      awaitingOffice: rectification.overall.awaitingOffice,
      closed: rectification.overall.closed + rectification.overall.explained,
      onTimeClosureRate: rectification.overall.onTimeClosurePercent,
      unitsNotReportedBack: rectification.overall.unitsNotReportedBack.length,
      unitsWithOpenItems: rectification.units.filter((u) => u.open > 0).length,
    },
  };
}

// The assessment part of the overview is a function of two publications (the quarter's and the
// previous one), which never change: computed once per pair (and database), then served from memory.
type AssessmentOverview = Awaited<ReturnType<typeof computeAssessmentOverview>>;
const assessmentByDb = new WeakMap<Db, LRUCache<string, AssessmentOverview>>();

async function assessmentOverviewOf(db: Db, round: PublishedRound, previousRound: PublishedRound | null): Promise<AssessmentOverview> {
  const cache = assessmentByDb.get(db) ?? new LRUCache<string, AssessmentOverview>({ max: 16 });
  assessmentByDb.set(db, cache);
  const key = `${round.publicationId}:${previousRound?.publicationId ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const computed = await computeAssessmentOverview(db, round, previousRound);
  cache.set(key, computed);
  return computed;
}

async function computeAssessmentOverview(db: Db, round: PublishedRound, previousRound: PublishedRound | null) {
  const { view, previous } = await loadViews(db, round, previousRound);
  const unitIds = await mapUnitIdsByCode(db);
  const groups = view.results.groups.map((g) => {
    const stats = groupStatsOf(g, view.rule);
    return { ...stats, ...topAndBottom(g.rows, 3) };
  });
  const rows = view.results.groups.flatMap((g) => g.rows);
  const vetoed = rows.filter((row) => row.vetoes.length > 0);
  const changes = periodChangesOf(view.results, previous?.results ?? null, view.rule, previous?.rule ?? null, unitIds);
  const briefs = (list: readonly UnitPeriodResult[]) =>
    list.map((r) => briefOf(r, view.results.groups.find((g) => g.code === r.group)?.name ?? r.group, unitIds));
  return {
    period: view.round.period,
    previousPeriod: previous?.round.period ?? null,
    round: {
      id: view.round.roundId,
      title: view.round.title,
      status: view.round.status,
      publishedAt: view.round.publishedAt,
      isRestated: view.round.sequence > 1,
    },
    passScore: view.rule.passScore,
    totals: {
      units: rows.length,
      scored: rows.filter((row) => row.final !== null).length,
      ranked: rows.filter((row) => row.rank !== null).length,
      failing: rows.filter((row) => isFailing(row, view.rule)).length,
      vetoes: vetoed.length,
      vetoFail: vetoed.filter((row) => row.isVetoFail).length,
    },
    groups: groups.map(({ top, bottom, ...g }) => ({
      ...g,
      top: briefs(top),
      bottom: briefs(bottom),
      ...(changes.groups.find((c) => c.code === g.code) ?? { averageDelta: null, passRateDelta: null }),
    })),
    changes: {
      rises: changes.rises,
      falls: changes.falls,
      newlyFailing: changes.newlyFailing.slice(0, CHANGE_LIST_LIMIT),
      newlyFailingCount: changes.newlyFailing.length,
      recovered: changes.recovered.slice(0, CHANGE_LIST_LIMIT),
      recoveredCount: changes.recovered.length,
    },
  };
}

/** Annual reports of the year before the quarter's year are the ones due in it (by 31 March). */
function reportYearOf(round: PublishedRound | null, today: string): number {
  return Number((round?.period ?? today).slice(0, 4)) - 1;
}

export const overviewListKinds = ['failing', 'vetoes', 'lateReports', 'missingReports', 'overdueItems', 'openByUnit'] as const;
export type OverviewListKind = (typeof overviewListKinds)[number];

/** The list behind one of the overview's figures, tagged with its kind. */
export async function getOverviewList(db: Db, actor: Actor, input: { period: Period | null; kind: OverviewListKind }) {
  const now = actor.now;
  const today = chinaToday(now);
  const units = async (pick: (row: PublishedUnitResult) => boolean) => {
    const { round } = await pickRounds(db, input.period);
    if (!round) return [];
    const [stats, rows] = await Promise.all([
      listPublishedGroupStats(db, [round.publicationId]),
      listPublishedUnitResults(db, [round.publicationId]),
    ]);
    const groupName = new Map(stats.map((g) => [g.stats.code, g.stats.name]));
    return rows.filter(pick).map((row) => ({
      unitId: row.unitId,
      unit: row.unit,
      name: row.name,
      group: row.group,
      groupName: groupName.get(row.group) ?? row.group,
      final: row.final,
      rank: row.rank,
      rankDelta: row.rankDelta,
      grade: row.grade,
      isVetoFail: row.isVetoFail,
      vetoes: row.vetoes,
      vetoItems: row.vetoEvents,
    }));
  };
  const reports = async (pick: (r: ReportTimelinessRow) => boolean) => {
    const { round } = await pickRounds(db, input.period);
    const timeliness = await loadReportTimeliness(db, reportYearOf(round, today), now);
    return {
      year: timeliness.year,
      reports: timeliness.rows.filter(pick).map((r) => ({
        unitId: r.unitId,
        code: r.code,
        name: r.name,
        groupCode: r.groupCode,
        timeliness: r.timeliness,
        deadline: r.deadline,
        reportedOn: r.reportedOn,
        daysLate: r.daysLate,
      })),
    };
  };
  switch (input.kind) {
    case 'failing':
      return { kind: 'failing' as const, units: await units((row) => row.isFailing) };
    case 'vetoes':
      return { kind: 'vetoes' as const, units: await units((row) => row.vetoes.length > 0) };
    case 'lateReports':
      return { kind: 'lateReports' as const, ...(await reports((r) => r.timeliness === 'late')) };
    case 'missingReports':
      return { kind: 'missingReports' as const, ...(await reports((r) => !r.isSubmitted && r.timeliness === 'overdue')) };
    case 'overdueItems':
      return {
        kind: 'overdueItems' as const,
        items: overdueItemsOf(await listRectificationTimeline(db, { unitId: null, groupId: null }), today),
      };
    case 'openByUnit': {
      const items = await listRectificationTimeline(db, { unitId: null, groupId: null });
      return { kind: 'openByUnit' as const, units: rectificationSummaryOf(items, today).units.filter((u) => u.open > 0) };
    }
  }
}

/** One unit's own figures for a quarter: score, rank in its group, grade, findings, open items, annual report. */
export async function getUnitSummary(db: Db, actor: Actor, input: { unitId: number; period: Period | null }) {
  assertCanSeeUnit(actor.user, input.unitId);
  const unit = await findUnitById(db, input.unitId);
  if (!unit) throw notFound('单位不存在');
  const now = actor.now;
  const today = chinaToday(now);
  const { round, previous } = await pickRounds(db, input.period);
  let result = null;
  if (round) {
    const publications = previous ? [round.publicationId, previous.publicationId] : [round.publicationId];
    const rows = await listUnitPublishedResults(db, unit.code, publications);
    const row = rows.find((r) => r.publicationId === round.publicationId);
    const group = row && (await listPublishedGroupStats(db, [round.publicationId])).find((g) => g.stats.code === row.group)?.stats;
    if (group && row) {
      const before = previous ? (rows.find((r) => r.publicationId === previous.publicationId) ?? null) : null;
      const findings = await countActiveFindingsByUnit(db, round.roundId, unit.id);
      const { rule } = await loadSchemeView(db, round);
      result = {
        period: round.period,
        roundId: round.roundId,
        group: { code: group.code, name: group.name, ranked: group.ranked, units: group.units },
        final: row.final,
        rank: row.rank,
        rankDelta: row.rankDelta,
        grade: row.grade,
        isVetoFail: row.isVetoFail,
        isFailing: row.isFailing,
        passScore: rule.passScore,
        vetoes: row.vetoEvents.map((e) => ({ code: e.code, name: e.name })),
        unscoredReason: row.unscoredReason,
        findings: findings.get(unit.id) ?? 0,
        previous: before && previous ? { period: previous.period, final: before.final, rank: before.rank, grade: before.grade } : null,
      };
    }
  }
  const items = await listRectificationTimeline(db, { unitId: unit.id, groupId: null });
  const rectification = rectificationSummaryOf(items, today).overall;
  const reportYear = reportYearOf(round, today);
  const report = (await loadReportTimeliness(db, reportYear, now, unit.id)).rows[0] ?? null;
  return {
    today,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: round?.period ?? null,
    result,
    rectification: {
      open: rectification.open,
      overdue: rectification.overdue,
      awaitingUnit: rectification.awaitingUnit,
      closed: rectification.closed + rectification.explained,
      onTimeClosureRate: rectification.onTimeClosurePercent,
    },
    overdueItems: overdueItemsOf(items, today),
    report: report && {
      year: reportYear,
      timeliness: report.timeliness,
      isSubmitted: report.isSubmitted,
      deadline: report.deadline,
      reportedOn: report.reportedOn,
      daysLate: report.daysLate,
    },
  };
}
