// Figures for a set of rectification items (the ledger page, the bulletin, the overview).
// The caller chooses the set (a unit, a group, a period, items issued in a year…); `today` is the
// China date the figures are "as of". Everything is a count or an exact ratio of counts.
//
// Definitions (decisions where the docs are silent). The ledger page and the board both show these
// figures and state them on screen (LEDGER_DEFINITION_ZH):
//   - counted = every item except those cancelled 已撤销 (a cancelled order was never owed); this is
//     the "整改任务" total of the ledger and the board alike.
//   - resolved = closed 已销号 or explained 已说明 (an accepted 情况说明 closes the item without a
//     deduction, assessment-practice.md §3.4); closedOn is the office's decision date for both.
//   - closed on time = resolved with closedOn ≤ dueDate.
//   - on-time closure rate (按期整改率) = resolved on time / items whose outcome is known today,
//     i.e. resolved items plus open items already past due. Open items not yet due are left out
//     (they may still be on time); cancelled items are left out of everything but `cancelled`.
//   - median days to close = median of calendar days from issuedOn to closedOn over resolved items
//     (the mean of the two middle values for an even count, so it may end in .5).
//   - returned at re-check = failed re-checks of fixes (the number of recheck_fail events, kept on
//     each item as recheckFailCount); rejected explanations are counted separately.
//   - units that did not report back = units with an open item past due that they never submitted
//     anything for (no fix, no explanation).

import type { RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import { isOpenRectificationStatus, isResolvedRectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { daysBetween } from '../calendar/china-date';
import { isAwaitingOffice, isAwaitingUnit, isClosedOnTime, isOverdue } from './rectification-deadline';

export type FigureItem = Pick<
  RectificationItem,
  | 'unitId'
  | 'status'
  | 'issuedOn'
  | 'dueDate'
  | 'closedOn'
  | 'firstSubmittedOn'
  | 'recheckFailCount'
  | 'explanationRejectCount'
  | 'carriedOver'
>;

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0. Format it only for display. */
  value: number | null;
}

export interface RectificationFigures {
  /** Every item in the set, cancelled ones included. */
  total: number;
  /** The items that count: all but cancelled. The figure both the ledger and the board show as 整改任务. */
  counted: number;
  open: number;
  overdue: number;
  awaitingUnit: number;
  awaitingOffice: number;
  closed: number;
  explained: number;
  cancelled: number;
  carriedOver: number;
  closedOnTime: number;
  closedLate: number;
  onTimeClosureRate: Ratio;
  medianDaysToClose: number | null;
  returnedAtRecheck: number;
  explanationsRejected: number;
  unitsNotReportedBack: { unitId: number; items: number }[];
}

function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** The definitions, said once for every screen that shows the figures. */
export const LEDGER_DEFINITION_ZH =
  '统计口径:整改任务 = 全部交办的任务(不含已撤销);按期销号率 = 按期销号 ÷(已销号或已说明 + 逾期未办结),未到期的在办任务不计入分母。';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return hi;
  const lo = sorted[mid - 1] ?? 0;
  return (lo + hi) / 2;
}

export function rectificationFigures(items: readonly FigureItem[], today: string): RectificationFigures {
  let open = 0;
  let overdue = 0;
  let awaitingUnit = 0;
  let awaitingOffice = 0;
  let closed = 0;
  let explained = 0;
  let cancelled = 0;
  let carriedOver = 0;
  let closedOnTime = 0;
  let closedLate = 0;
  let returnedAtRecheck = 0;
  let explanationsRejected = 0;
  const daysToClose: number[] = [];
  const notReported = new Map<number, number>();

  for (const item of items) {
    if (item.status === 'cancelled') {
      cancelled += 1;
      continue;
    }
    returnedAtRecheck += item.recheckFailCount;
    explanationsRejected += item.explanationRejectCount;
    if (item.carriedOver) carriedOver += 1;
    if (item.status === 'closed') closed += 1;
    if (item.status === 'explained') explained += 1;
    if (isResolvedRectificationStatus(item.status) && item.closedOn !== null) {
      if (isClosedOnTime(item)) closedOnTime += 1;
      else closedLate += 1;
      daysToClose.push(daysBetween(item.issuedOn, item.closedOn));
    }
    if (isOpenRectificationStatus(item.status)) {
      open += 1;
      if (isAwaitingUnit(item.status)) awaitingUnit += 1;
      if (isAwaitingOffice(item.status)) awaitingOffice += 1;
      if (isOverdue(item, today)) {
        overdue += 1;
        if (item.firstSubmittedOn === null) notReported.set(item.unitId, (notReported.get(item.unitId) ?? 0) + 1);
      }
    }
  }

  return {
    total: items.length,
    counted: items.length - cancelled,
    open,
    overdue,
    awaitingUnit,
    awaitingOffice,
    closed,
    explained,
    cancelled,
    carriedOver,
    closedOnTime,
    closedLate,
    onTimeClosureRate: ratio(closedOnTime, closedOnTime + closedLate + overdue),
    medianDaysToClose: median(daysToClose),
    returnedAtRecheck,
    explanationsRejected,
    unitsNotReportedBack: [...notReported]
      .map(([unitId, n]) => ({ unitId, items: n }))
      .sort((a, b) => b.items - a.items || a.unitId - b.unitId),
  };
}

/** The same figures per unit, ordered by unit id. */
export function rectificationFiguresByUnit(items: readonly FigureItem[], today: string): Map<number, RectificationFigures> {
  const byUnit = new Map<number, FigureItem[]>();
  for (const item of items) {
    const list = byUnit.get(item.unitId);
    if (list) list.push(item);
    else byUnit.set(item.unitId, [item]);
  }
  return new Map([...byUnit].sort(([a], [b]) => a - b).map(([unitId, list]) => [unitId, rectificationFigures(list, today)] as const));
}
