// 概览: a published quarter's key figures for readers (every group), and one unit's own
// figures (what a liaison sees). Results come from the publication in force; annual reports
// and the ledger are read as of today.
import type { SessionUser } from '@kaoping/contracts/auth/session';
import { chinaToday } from '@kaoping/domain/period/period';
import { findUnitById } from '@kaoping/db/units/unit.repository';
import { countActiveFindingsByUnit, listRectificationTimeline, mapUnitIdsByCode } from '@kaoping/db/dashboard/dashboard.repository';
import { TRPCError } from '@trpc/server';
import type { Context } from '../context';
import { assertCanSeeUnit } from '../scope';
import { listPublishedRounds, loadPeriodView, loadResultsOfRounds, pickRound, previousRoundOf, type PeriodView } from './dashboard-data';
import { briefOf, groupStatsOf, isFailing, periodChangesOf, topAndBottom, type UnitBrief } from './dashboard-figures';
import { rectificationSummaryOf, overdueItemsOf, reportTimelinessOf } from './dashboard-side-figures';

type Authed = Context & { user: SessionUser };

/** The quarters with published results, newest first: what the pages' period pickers offer. */
export async function listDashboardPeriods(ctx: Authed) {
  const rounds = await listPublishedRounds(ctx.db);
  return {
    latest: rounds[rounds.length - 1]?.period ?? null,
    periods: [...rounds].reverse().map((r) => ({ period: r.period, roundId: r.roundId, title: r.title, status: r.status, publishedAt: r.publishedAt, isRestated: r.sequence > 1 })),
  };
}

async function loadViews(ctx: Authed, period: string | null): Promise<{ view: PeriodView | null; previous: PeriodView | null }> {
  const rounds = await listPublishedRounds(ctx.db);
  if (rounds.length === 0 && period === null) return { view: null, previous: null };
  const round = pickRound(rounds, period);
  const previousRound = previousRoundOf(rounds, round);
  const results = await loadResultsOfRounds(ctx.db, previousRound ? [round, previousRound] : [round]);
  const view = await loadPeriodView(ctx.db, round, results.get(round.period));
  const previous = previousRound ? await loadPeriodView(ctx.db, previousRound, results.get(previousRound.period)) : null;
  return { view, previous };
}

/** The reader's overview of a quarter (default: the latest published). */
export async function getCityOverview(ctx: Authed, input: { period: string | null }) {
  const now = ctx.now();
  const today = chinaToday(now);
  const { view, previous } = await loadViews(ctx, input.period);
  const unitIds = await mapUnitIdsByCode(ctx.db);
  const reportYear = Number((view?.round.period ?? today).slice(0, 4)) - 1;
  const [reports, items] = await Promise.all([reportTimelinessOf(ctx.db, reportYear, now), listRectificationTimeline(ctx.db, { unitId: null, groupId: null })]);
  const rectification = rectificationSummaryOf(items, today);

  let assessment = null;
  if (view) {
    const groups = view.results.groups.map((g) => {
      const stats = groupStatsOf(g, view.rule);
      const briefs = g.rows.map((r) => briefOf(r, g.name, unitIds));
      return { ...stats, ...topAndBottom(briefs, 3) };
    });
    const rows = view.results.groups.flatMap((g) => g.rows.map((r) => ({ row: r, groupName: g.name })));
    const failingUnits: UnitBrief[] = rows.filter(({ row }) => isFailing(row, view.rule)).map(({ row, groupName }) => briefOf(row, groupName, unitIds));
    const vetoUnits = rows
      .filter(({ row }) => row.vetoes.length > 0)
      .map(({ row, groupName }) => ({ ...briefOf(row, groupName, unitIds), vetoItems: row.events.vetoes.map((e) => ({ code: e.code, name: e.name, note: e.note })) }));
    const changes = periodChangesOf(view.results, previous?.results ?? null, view.rule, previous?.rule ?? null, unitIds);
    assessment = {
      period: view.round.period,
      previousPeriod: previous?.round.period ?? null,
      round: { id: view.round.roundId, title: view.round.title, status: view.round.status, publishedAt: view.round.publishedAt, isRestated: view.round.sequence > 1 },
      passScore: view.rule.passScore,
      totals: {
        units: rows.length,
        scored: rows.filter(({ row }) => row.final !== null).length,
        ranked: rows.filter(({ row }) => row.rank !== null).length,
        failing: failingUnits.length,
        vetoes: vetoUnits.length,
        vetoFail: vetoUnits.filter((u) => u.isVetoFail).length,
      },
      groups: groups.map((g) => ({ ...g, ...(changes.groups.find((c) => c.code === g.code) ?? { averageDelta: null, passRateDelta: null }) })),
      failingUnits,
      vetoUnits,
      changes: { rises: changes.rises, falls: changes.falls, newlyFailing: changes.newlyFailing, recovered: changes.recovered },
    };
  }

  const reportRow = (r: (typeof reports.rows)[number]) => ({ unitId: r.unitId, code: r.code, name: r.name, groupCode: r.groupCode, timeliness: r.timeliness, deadline: r.deadline, reportedOn: r.reportedOn, daysLate: r.daysLate });
  return {
    today,
    assessment,
    reports: {
      year: reports.year,
      overall: reports.overall,
      groups: reports.groups,
      lateUnits: reports.rows.filter((r) => r.timeliness === 'late').map(reportRow),
      missingUnits: reports.rows.filter((r) => !r.isSubmitted && r.timeliness === 'overdue').map(reportRow),
    },
    rectification: {
      today,
      open: rectification.overall.open,
      overdue: rectification.overall.overdue,
      awaitingUnit: rectification.overall.awaitingUnit,
      awaitingOffice: rectification.overall.awaitingOffice,
      closed: rectification.overall.closed + rectification.overall.explained,
      onTimeClosureRate: rectification.overall.onTimeClosurePercent,
      unitsNotReportedBack: rectification.overall.unitsNotReportedBack,
      units: rectification.units.filter((u) => u.open > 0),
      overdueItems: overdueItemsOf(items, today),
    },
  };
}

/** One unit's own figures for a quarter: score, rank in its group, grade, findings, open items, annual report. */
export async function getUnitSummary(ctx: Authed, input: { unitId: number; period: string | null }) {
  assertCanSeeUnit(ctx.user, input.unitId);
  const unit = await findUnitById(ctx.db, input.unitId);
  if (!unit) throw new TRPCError({ code: 'NOT_FOUND', message: '单位不存在' });
  const now = ctx.now();
  const today = chinaToday(now);
  const { view, previous } = await loadViews(ctx, input.period);
  let result = null;
  if (view) {
    const group = view.results.groups.find((g) => g.rows.some((r) => r.unit === unit.code));
    const row = group?.rows.find((r) => r.unit === unit.code);
    if (group && row) {
      const before = previous?.results.groups.flatMap((g) => g.rows).find((r) => r.unit === unit.code) ?? null;
      const findings = await countActiveFindingsByUnit(ctx.db, view.round.roundId, unit.id);
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
        previous: before && previous ? { period: previous.round.period, final: before.final, rank: before.rank, grade: before.grade } : null,
      };
    }
  }
  const items = await listRectificationTimeline(ctx.db, { unitId: unit.id, groupId: null });
  const rectification = rectificationSummaryOf(items, today).overall;
  const reportYear = Number((view?.round.period ?? today).slice(0, 4)) - 1;
  const report = (await reportTimelinessOf(ctx.db, reportYear, now, unit.id)).rows[0] ?? null;
  return {
    today,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: view?.round.period ?? null,
    result,
    rectification: { open: rectification.open, overdue: rectification.overdue, awaitingUnit: rectification.awaitingUnit, closed: rectification.closed + rectification.explained, onTimeClosureRate: rectification.onTimeClosurePercent },
    overdueItems: overdueItemsOf(items, today),
    report: report && { year: reportYear, timeliness: report.timeliness, isSubmitted: report.isSubmitted, deadline: report.deadline, reportedOn: report.reportedOn, daysLate: report.daysLate },
  };
}
