// The ledger's figures as the overview and the board show them, computed by the rectification
// area's own rules (domain/rectification): overall and per unit, and the overdue list.
import type { RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { isOverdue } from '../rectification/rectification-deadline';
import { rectificationFigures, type FigureItem } from '../rectification/rectification-figures';

/** A rectification item as the board draws it over time: dates and status only. */
export interface RectificationTimelineItem {
  id: number;
  code: string;
  title: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  period: string;
  status: string;
  issuedOn: string;
  dueDate: string;
  closedOn: string | null;
  cancelledOn: string | null;
  firstSubmittedOn: string | null;
  recheckFailCount: number;
  explanationRejectCount: number;
  carriedInto: string | null;
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
      unitsNotReportedBack: overall.unitsNotReportedBack.map((u) => ({
        ...u,
        code: names.get(u.unitId)?.code ?? '',
        name: names.get(u.unitId)?.name ?? '',
      })),
    },
    units,
  };
}

/** Open items past due today, oldest due date first (the list behind the overdue figure). */
export function overdueItemsOf(items: readonly RectificationTimelineItem[], today: string) {
  return items
    .filter((i) => isOverdue({ status: i.status as RectificationStatus, dueDate: i.dueDate }, today))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.code < b.code ? -1 : 1))
    .map((i) => ({
      id: i.id,
      code: i.code,
      unitId: i.unitId,
      unitName: i.unitName,
      period: i.period,
      status: i.status,
      dueDate: i.dueDate,
    }));
}
