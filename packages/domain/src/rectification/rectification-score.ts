// Inputs of the scoring spec's `rectification` leaf (docs/scoring.md §1):
//   score = points − late × perLate − rejected × perRejected, clamped.
// Over "the unit's rectification items due in the period":
//   late     — the due date lies in the period and the item was not closed (verified) on or before
//              that date;
//   rejected — its failed re-checks.
//
// Decisions where the spec is silent:
//   - "closed (verified)" includes an accepted explanation (已说明): the office verified the outcome.
//   - Cancelled items (已撤销, finding withdrawn) count for nothing, neither late nor rejected.
//   - `rejected` sums all failed re-checks of the items due in the period, whenever they happened
//     (an item is counted in exactly one period: the one its due date lies in, so nothing is counted
//     twice, and carried-over items are not counted again in later periods).
//   - Without `asOf` the period is taken as finished: an item due in it and still open is late
//     (the worked example's B202 ZG-003). With `asOf` (a preview during the period) an open item
//     whose due date is not yet before asOf is not counted late yet.
// Works on full ledger items and on rows of rectifications.csv alike (map `unit` → unitId,
// `due` → dueDate, `closed` → closedOn, `rejected` → recheckFailCount).

import type { RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import type { RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { periodOfDate } from '../period/period';

export interface RectificationCountable<K> {
  unitId: K;
  dueDate: string;
  closedOn: string | null;
  recheckFailCount: number;
  status?: RectificationStatus;
}

export interface RectificationCounts {
  late: number;
  rejected: number;
  /** Items due in the period (for the leaf's explanation in the UI). */
  due: number;
}

export interface DateRange {
  start: string;
  end: string;
}

export function isLateForScoring(item: RectificationCountable<unknown>, asOf?: string): boolean {
  if (item.status === 'cancelled') return false;
  if (item.closedOn !== null) return item.closedOn > item.dueDate;
  return asOf === undefined || item.dueDate < asOf;
}

/**
 * {late, rejected, due} per unit over the items due in `range` (inclusive, e.g. periodDateRange()).
 * Units with no item due in the period are absent: their counts are 0 and the leaf scores full points.
 */
export function rectificationCountsForPeriod<K>(
  items: readonly RectificationCountable<K>[],
  range: DateRange,
  options: { asOf?: string } = {},
): Map<K, RectificationCounts> {
  const counts = new Map<K, RectificationCounts>();
  for (const item of items) {
    if (item.status === 'cancelled') continue;
    if (item.dueDate < range.start || item.dueDate > range.end) continue;
    const c = counts.get(item.unitId) ?? { late: 0, rejected: 0, due: 0 };
    c.due += 1;
    if (isLateForScoring(item, options.asOf)) c.late += 1;
    c.rejected += item.recheckFailCount;
    counts.set(item.unitId, c);
  }
  return counts;
}

/** A row of rectifications.csv (scoring.md §4): `unit,period,item,due,closed,rejected`. */
export interface RectificationScoreRow {
  unit: string;
  /** The quarter the due date lies in: the period whose score the item counts for. */
  period: string;
  item: string;
  due: string;
  closed: string | null;
  rejected: number;
}

/**
 * A ledger item as a rectifications.csv row, for export and for the scoring engine's input;
 * null for a cancelled item (it counts for nothing). An accepted explanation is written as closed.
 */
export function toRectificationScoreRow(
  item: Pick<RectificationItem, 'code' | 'status' | 'dueDate' | 'closedOn' | 'recheckFailCount'>,
  unitCode: string,
): RectificationScoreRow | null {
  if (item.status === 'cancelled') return null;
  return {
    unit: unitCode,
    period: periodOfDate(item.dueDate).code,
    item: item.code,
    due: item.dueDate,
    closed: item.closedOn,
    rejected: item.recheckFailCount,
  };
}
