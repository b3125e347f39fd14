// Carrying open items over when a period is locked (结转).
//
// When the office locks a period, every item that still belongs to it and is still open is carried
// into the next period: the `carry_over` action sets carriedOver and carriedInto (the status does
// not change). An item belongs to the period it was issued in until it is carried, then to the
// period it was carried into. The next period of a quarter is the next quarter (2025Q4 → 2026Q1);
// of a year, the next year.

import type { RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import type { RectificationActionInput } from '@kaoping/contracts/rectification/rectification-action';
import { isOpenRectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { parsePeriod } from '../period/period';

/** The period after a period code; null for an invalid code. */
export function nextPeriodCode(code: string): string | null {
  const p = parsePeriod(code);
  if (!p) return null;
  if (p.kind === 'year') return String(p.year + 1);
  return p.quarter === 4 ? `${p.year + 1}Q1` : `${p.year}Q${p.quarter + 1}`;
}

/** The period an item currently belongs to. */
export function currentPeriodOf(item: Pick<RectificationItem, 'period' | 'carriedInto'>): string {
  return item.carriedInto ?? item.period;
}

/**
 * The carry_over actions to apply (with applyTransition, as the admin) when `lockedPeriod` is locked:
 * one per open item that belongs to that period, into the next period.
 */
export function carryOverActions(
  items: readonly Pick<RectificationItem, 'id' | 'status' | 'period' | 'carriedInto'>[],
  lockedPeriod: string,
): { itemId: number; action: RectificationActionInput }[] {
  const into = nextPeriodCode(lockedPeriod);
  if (into === null) throw new RangeError(`not a period code: ${lockedPeriod}`);
  return items
    .filter((item) => isOpenRectificationStatus(item.status) && currentPeriodOf(item) === lockedPeriod)
    .map((item) => ({ itemId: item.id, action: { type: 'carry_over', into } }));
}
