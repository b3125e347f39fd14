// The rectification board's burn-down: open, closed and overdue items week by week.
export interface TimelineItem {
  status: string;
  issuedOn: string;
  dueDate: string;
  closedOn: string | null;
  cancelledOn: string | null;
}

export interface BurndownPoint {
  date: string;
  open: number;
  closed: number;
  overdue: number;
}

const RESOLVED = new Set(['closed', 'explained']);

/**
 * Open, closed (销号 or explanation accepted) and overdue items as they stood at the end of each
 * date listed: an item is open from its issue date until it was resolved or cancelled; overdue
 * while open after its due date. Dates are China calendar dates, ascending.
 */
export function burndownOf(items: readonly TimelineItem[], dates: readonly string[]): BurndownPoint[] {
  return dates.map((date) => {
    let open = 0;
    let closed = 0;
    let overdue = 0;
    for (const item of items) {
      if (item.issuedOn > date) continue;
      const resolvedBy = RESOLVED.has(item.status) && item.closedOn !== null && item.closedOn <= date;
      const cancelledBy = item.status === 'cancelled' && (item.cancelledOn ?? item.issuedOn) <= date;
      if (resolvedBy) closed++;
      else if (!cancelledBy) {
        open++;
        if (item.dueDate < date) overdue++;
      }
    }
    return { date, open, closed, overdue };
  });
}

/** Weekly dates (each Sunday… as China dates) from the first issue up to `today`, with `today` last. */
export function weeklyDates(first: string, today: string, addDays: (date: string, n: number) => string): string[] {
  if (first > today) return [today];
  const dates: string[] = [];
  for (let d = first; d < today; d = addDays(d, 7)) dates.push(d);
  dates.push(today);
  return dates;
}
