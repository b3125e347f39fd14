// The overview's figures from the other areas, computed the way those areas compute them:
// annual-report on-time rates (domain reporting-rates, as the reports overview) without reading
// the reports' cells, and rectification figures (domain rectification-figures, as the ledger).
import type { RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { reportUnitKindOf } from '@kaoping/domain/annual-report-workflow/report-unit-kind';
import { assessReportTimeliness, computeReportingRates, type ReportTimeliness } from '@kaoping/domain/annual-report-workflow/reporting-rates';
import { chinaToday } from '@kaoping/domain/period/period';
import { isOverdue } from '@kaoping/domain/rectification/rectification-deadline';
import { rectificationFigures, type FigureItem } from '@kaoping/domain/rectification/rectification-figures';
import type { Db } from '@kaoping/db/connect';
import { listExpectedReportUnits } from '@kaoping/db/annual-reports/annual-report.repository';
import { listReportVersionTimes, type RectificationTimelineItem } from '@kaoping/db/dashboard/dashboard.repository';

export interface ReportTimelinessRow {
  unitId: number;
  code: string;
  name: string;
  groupCode: string | null;
  isSubmitted: boolean;
  timeliness: ReportTimeliness;
  deadline: string;
  reportedOn: string | null;
  daysLate: number;
}

/** Every unit that owes a report for `year`, with its timeliness as of today, and the rates. */
export async function reportTimelinessOf(db: Db, year: number, now: Date, unitId: number | null = null) {
  const today = chinaToday(now);
  const [expected, versions] = await Promise.all([listExpectedReportUnits(db, year), listReportVersionTimes(db, year, unitId)]);
  const byUnit = new Map<number, typeof versions>();
  for (const v of versions) {
    const list = byUnit.get(v.unitId);
    if (list) list.push(v);
    else byUnit.set(v.unitId, [v]);
  }
  const rows: (ReportTimelinessRow & { groupName: string | null; isAccepted: boolean })[] = [];
  for (const u of expected) {
    if (unitId !== null && u.unitId !== unitId) continue;
    const list = byUnit.get(u.unitId) ?? [];
    const latest = list[list.length - 1] ?? null;
    const firstSubmittedAt = list.map((v) => v.firstSubmittedAt).find((v) => v !== null) ?? null;
    const isSubmitted = firstSubmittedAt !== null;
    const t = assessReportTimeliness({
      year,
      unitKind: reportUnitKindOf(u.kind),
      isSubmitted,
      publishedAt: latest?.publishedAt ?? null,
      firstSubmittedOn: firstSubmittedAt === null ? null : chinaToday(new Date(firstSubmittedAt)),
      today,
    });
    rows.push({
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      groupCode: u.groupCode,
      groupName: u.groupName,
      isSubmitted,
      isAccepted: list.some((v) => v.status === 'accepted'),
      timeliness: t.timeliness,
      deadline: t.deadline,
      reportedOn: t.reportedOn,
      daysLate: t.daysLate,
    });
  }
  const rates = computeReportingRates(
    rows.map((r) => ({ groupKey: r.groupCode ?? '—', groupLabel: r.groupName ?? '未分组', isSubmitted: r.isSubmitted, isAccepted: r.isAccepted, timeliness: r.timeliness })),
    '全部单位',
  );
  return { year, rows, overall: rates.overall, groups: rates.groups };
}

export function figureItemOf(item: RectificationTimelineItem): FigureItem {
  return {
    unitId: item.unitId,
    status: item.status as RectificationStatus,
    issuedOn: item.issuedOn,
    dueDate: item.dueDate,
    closedOn: item.closedOn,
    firstSubmittedOn: item.firstSubmittedOn,
    recheckFailCount: item.recheckFailCount,
    explanationRejectCount: item.explanationRejectCount,
    carriedOver: item.carriedInto !== null,
  };
}

export interface UnitRectificationCount {
  unitId: number;
  code: string;
  name: string;
  open: number;
  overdue: number;
  /** Open items still within their deadline. */
  openOnTime: number;
  closedOnTime: number;
  closedLate: number;
  /** Percent, one place; null when no outcome is known yet. */
  onTimeClosureRate: number | null;
}

/** Ledger figures as of today, overall and per unit with open or resolved items. */
export function rectificationSummaryOf(items: readonly RectificationTimelineItem[], today: string) {
  const overall = rectificationFigures(items.map(figureItemOf), today);
  const byUnit = new Map<number, RectificationTimelineItem[]>();
  for (const item of items) {
    const list = byUnit.get(item.unitId);
    if (list) list.push(item);
    else byUnit.set(item.unitId, [item]);
  }
  const units: UnitRectificationCount[] = [];
  for (const [unitId, list] of byUnit) {
    const first = list[0];
    if (!first) continue;
    const f = rectificationFigures(list.map(figureItemOf), today);
    units.push({
      unitId,
      code: first.unitCode,
      name: first.unitName,
      open: f.open,
      overdue: f.overdue,
      openOnTime: f.open - f.overdue,
      closedOnTime: f.closedOnTime,
      closedLate: f.closedLate,
      onTimeClosureRate: f.onTimeClosureRate.value === null ? null : Math.round(f.onTimeClosureRate.value * 1000) / 10,
    });
  }
  units.sort((a, b) => b.overdue - a.overdue || b.open - a.open || (a.code < b.code ? -1 : 1));
  const names = new Map(units.map((u) => [u.unitId, u]));
  return {
    today,
    overall: {
      ...overall,
      onTimeClosurePercent: overall.onTimeClosureRate.value === null ? null : Math.round(overall.onTimeClosureRate.value * 1000) / 10,
      unitsNotReportedBack: overall.unitsNotReportedBack.map((u) => ({ ...u, code: names.get(u.unitId)?.code ?? '', name: names.get(u.unitId)?.name ?? '' })),
    },
    units,
  };
}

/** Open items past due today, oldest due date first (the list behind the overdue figure). */
export function overdueItemsOf(items: readonly RectificationTimelineItem[], today: string) {
  return items
    .filter((i) => isOverdue({ status: i.status as RectificationStatus, dueDate: i.dueDate }, today))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.code < b.code ? -1 : 1))
    .map((i) => ({ id: i.id, code: i.code, unitId: i.unitId, unitName: i.unitName, period: i.period, status: i.status, dueDate: i.dueDate }));
}
