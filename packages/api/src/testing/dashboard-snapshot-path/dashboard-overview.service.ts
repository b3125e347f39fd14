// The dashboard as it read publications before the read models (issue #14): every request picked
// the publication in force and read its results (parsed and kept by content hash) or recomputed its
// snapshot. Kept unchanged as the golden reference of dashboard-read-models.golden.test.ts only.
// 概览: a published quarter's key figures for readers (every group), and one unit's own
// figures (what a liaison sees). Results come from the publication in force; annual reports
// and the ledger are read as of today.
import { chinaToday, type Period } from '@kaoping/domain/period/period';
import { findUnitById } from '@kaoping/db/units/unit.repository';
import { countActiveFindingsByUnit, listRectificationTimeline, mapUnitIdsByCode } from '@kaoping/db/dashboard/dashboard.repository';
import { notFound } from '@kaoping/domain/errors/domain-error';
import type { Actor } from '../../actor';
import { assertCanSeeUnit } from '../../scope';
import type { UnitPeriodResult } from '@kaoping/domain/scoring/scoring-result';
import { listPublishedRounds, loadPeriodView, loadReportTimeliness, loadResultsOfRounds, type PeriodView } from './dashboard-data';
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

async function loadViews(db: Db, actor: Actor, period: Period | null): Promise<{ view: PeriodView | null; previous: PeriodView | null }> {
  const rounds = await listPublishedRounds(db);
  if (rounds.length === 0 && period === null) return { view: null, previous: null };
  const round = pickRound(rounds, period);
  const previousRound = previousRoundOf(rounds, round);
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
export async function getCityOverview(db: Db, actor: Actor, input: { period: Period | null }) {
  const now = actor.now;
  const today = chinaToday(now);
  const { view, previous } = await loadViews(db, actor, input.period);
  const unitIds = await mapUnitIdsByCode(db);
  const reportYear = reportYearOf(view, today);
  const [reports, items] = await Promise.all([
    loadReportTimeliness(db, reportYear, now),
    listRectificationTimeline(db, { unitId: null, groupId: null }),
  ]);
  const rectification = rectificationSummaryOf(items, today);

  let assessment = null;
  if (view) {
    const groups = view.results.groups.map((g) => {
      const stats = groupStatsOf(g, view.rule);
      return { ...stats, ...topAndBottom(g.rows, 3) };
    });
    const rows = view.results.groups.flatMap((g) => g.rows);
    const vetoed = rows.filter((row) => row.vetoes.length > 0);
    const changes = periodChangesOf(view.results, previous?.results ?? null, view.rule, previous?.rule ?? null, unitIds);
    const briefs = (list: readonly UnitPeriodResult[]) =>
      list.map((r) => briefOf(r, view.results.groups.find((g) => g.code === r.group)?.name ?? r.group, unitIds));
    assessment = {
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

/** Annual reports of the year before the quarter's year are the ones due in it (by 31 March). */
function reportYearOf(view: PeriodView | null, today: string): number {
  return Number((view?.round.period ?? today).slice(0, 4)) - 1;
}

export const overviewListKinds = ['failing', 'vetoes', 'lateReports', 'missingReports', 'overdueItems', 'openByUnit'] as const;
export type OverviewListKind = (typeof overviewListKinds)[number];

/** The list behind one of the overview's figures, tagged with its kind. */
export async function getOverviewList(db: Db, actor: Actor, input: { period: Period | null; kind: OverviewListKind }) {
  const now = actor.now;
  const today = chinaToday(now);
  const units = async (pick: (row: UnitPeriodResult, rule: PeriodView['rule']) => boolean) => {
    const { view } = await loadViews(db, actor, input.period);
    if (!view) return [];
    const unitIds = await mapUnitIdsByCode(db);
    return view.results.groups.flatMap((g) =>
      g.rows
        .filter((row) => pick(row, view.rule))
        .map((row) => ({
          ...briefOf(row, g.name, unitIds),
          vetoItems: row.events.vetoes.map((e) => ({ code: e.code, name: e.name, note: e.note })),
        })),
    );
  };
  const reports = async (pick: (r: ReportTimelinessRow) => boolean) => {
    const { view } = await loadViews(db, actor, input.period);
    const timeliness = await loadReportTimeliness(db, reportYearOf(view, today), now);
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
      return { kind: 'failing' as const, units: await units((row, rule) => isFailing(row, rule)) };
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
  const { view, previous } = await loadViews(db, actor, input.period);
  let result = null;
  if (view) {
    const group = view.results.groups.find((g) => g.rows.some((r) => r.unit === unit.code));
    const row = group?.rows.find((r) => r.unit === unit.code);
    if (group && row) {
      const before = previous?.results.groups.flatMap((g) => g.rows).find((r) => r.unit === unit.code) ?? null;
      const findings = await countActiveFindingsByUnit(db, view.round.roundId, unit.id);
      result = {
        period: view.round.period,
        roundId: view.round.roundId,
        group: { code: group.code, name: group.name, ranked: group.rows.filter((r) => r.rank !== null).length, units: group.rows.length },
        final: row.final,
        rank: row.rank,
        rankDelta: row.rankDelta,
        grade: row.grade,
        isVetoFail: row.isVetoFail,
        isFailing: isFailing(row, view.rule),
        passScore: view.rule.passScore,
        vetoes: row.events.vetoes.map((e) => ({ code: e.code, name: e.name })),
        unscoredReason: row.unscoredReason,
        findings: findings.get(unit.id) ?? 0,
        previous:
          before && previous ? { period: previous.round.period, final: before.final, rank: before.rank, grade: before.grade } : null,
      };
    }
  }
  const items = await listRectificationTimeline(db, { unitId: unit.id, groupId: null });
  const rectification = rectificationSummaryOf(items, today).overall;
  const reportYear = reportYearOf(view, today);
  const report = (await loadReportTimeliness(db, reportYear, now, unit.id)).rows[0] ?? null;
  return {
    today,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: view?.round.period ?? null,
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
