// Deadlines of rectification items: due dates, overdue (derived, never stored), reminders.
//
// All dates are China calendar dates (YYYY-MM-DD); `today` is chinaToday() from period/period.ts.
// An item is open while its status is not closed, explained or cancelled. The due date is the last
// day allowed: an item is overdue from the day after it, while still open. That includes items the
// unit submitted but the office has not re-checked yet — as in the scoring spec, only the office's
// 销号 on or before the due date counts as on time (isAwaitingOffice() lets the office see its own
// backlog).

import type { DueRule, RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import type { RectificationIssue } from '@kaoping/contracts/rectification/rectification-action';
import {
  isOpenRectificationStatus,
  isResolvedRectificationStatus,
  type RectificationStatus,
} from '@kaoping/contracts/rectification/rectification-status';
import { daysBetween } from '../calendar/china-date';
import {
  addWorkingDays,
  dueDateAfterCalendarDays,
  isWorkingDay,
  subtractWorkingDays,
  workingDaysBetween,
  type WorkCalendar,
} from '../calendar/work-calendar';

/** The due date for an issue date and the form's `due` choice. N working days: see work-calendar.ts. */
export function dueDateFor(cal: WorkCalendar, issuedOn: string, due: RectificationIssue['due']): { dueDate: string; dueRule: DueRule } {
  switch (due.kind) {
    case 'date':
      return { dueDate: due.date, dueRule: { kind: 'date' } };
    case 'working_days':
      return { dueDate: addWorkingDays(cal, issuedOn, due.days), dueRule: { kind: 'working_days', days: due.days } };
    case 'calendar_days':
      return { dueDate: dueDateAfterCalendarDays(cal, issuedOn, due.days), dueRule: { kind: 'calendar_days', days: due.days } };
    default: {
      const unreachable: never = due;
      return unreachable;
    }
  }
}

type DeadlineFields = Pick<RectificationItem, 'status' | 'dueDate' | 'closedOn'>;

/** The unit has to act: not yet reported back, or returned by the office. */
export function isAwaitingUnit(status: RectificationStatus): boolean {
  return status === 'issued' || status === 'acknowledged' || status === 'in_progress' || status === 'returned';
}

/** The office has to act: a fix to re-check or an explanation to decide on. */
export function isAwaitingOffice(status: RectificationStatus): boolean {
  return status === 'submitted' || status === 'explanation_submitted';
}

/** Open and the due date is before today. */
export function isOverdue(item: Pick<RectificationItem, 'status' | 'dueDate'>, today: string): boolean {
  return isOpenRectificationStatus(item.status) && item.dueDate < today;
}

/** Calendar days an open item is past its due date today; 0 when not overdue (or not open). */
export function daysOverdue(item: Pick<RectificationItem, 'status' | 'dueDate'>, today: string): number {
  return isOverdue(item, today) ? daysBetween(item.dueDate, today) : 0;
}

/**
 * Working days an open item is past its due date today (China work calendar, 调休 included): the
 * count the deadline itself was set in. 0 when not overdue. The first working day after the due
 * date is 1; a weekend or holiday right after it adds nothing.
 */
export function workingDaysOverdue(cal: WorkCalendar, item: Pick<RectificationItem, 'status' | 'dueDate'>, today: string): number {
  return isOverdue(item, today) ? Math.max(0, workingDaysBetween(cal, item.dueDate, today)) : 0;
}

/** Calendar days after the due date a resolved item was closed; 0 when on time; null when not resolved. */
export function daysLateAtClosure(item: DeadlineFields): number | null {
  if (!isResolvedRectificationStatus(item.status) || item.closedOn === null) return null;
  return Math.max(0, daysBetween(item.dueDate, item.closedOn));
}

/** Closed (销号, or explanation accepted) on or before the due date. */
export function isClosedOnTime(item: DeadlineFields): boolean {
  return isResolvedRectificationStatus(item.status) && item.closedOn !== null && item.closedOn <= item.dueDate;
}

/**
 * Working days left until the due date, counting the way deadlines are set: 0 on the due date,
 * 1 on the working day before it; negative once overdue (working days past due).
 */
export function workingDaysLeft(cal: WorkCalendar, item: Pick<RectificationItem, 'dueDate'>, today: string): number {
  return workingDaysBetween(cal, today, item.dueDate);
}

export type Reminder =
  | { kind: 'before_due'; date: string; dueDate: string; workingDaysBefore: number }
  | { kind: 'overdue'; date: string; dueDate: string; workingDaysOverdue: number; daysOverdue: number };

export interface ReminderOptions {
  /** After the first overdue notice, repeat every this many working days (default 5: weekly). */
  overdueEvery?: number;
}

/**
 * The reminders to send today for one item (a daily job calls this for every item):
 *   - before_due: on the working day that is N working days before the due date, for each N in
 *     `offsets` (default [2]); not on or before the issue date (no reminder on the day it was issued);
 *   - overdue: on the first working day after the due date, then every `overdueEvery` working days.
 * Only while the unit has to act (isAwaitingUnit): an item waiting for the office's re-check gets
 * none. Reminders are only sent on working days.
 */
export function remindersDue(
  item: Pick<RectificationItem, 'status' | 'dueDate' | 'issuedOn'>,
  cal: WorkCalendar,
  today: string,
  offsets: readonly number[] = [2],
  options: ReminderOptions = {},
): Reminder[] {
  const overdueEvery = options.overdueEvery ?? 5;
  if (!Number.isInteger(overdueEvery) || overdueEvery < 1) throw new RangeError(`overdueEvery must be a whole number ≥ 1: ${overdueEvery}`);
  if (!isAwaitingUnit(item.status) || !isWorkingDay(cal, today)) return [];

  const reminders: Reminder[] = [];
  if (today <= item.dueDate) {
    for (const n of [...new Set(offsets)].sort((a, b) => b - a)) {
      const date = subtractWorkingDays(cal, item.dueDate, n);
      if (date === today && date > item.issuedOn) reminders.push({ kind: 'before_due', date, dueDate: item.dueDate, workingDaysBefore: n });
    }
    return reminders;
  }
  const w = workingDaysBetween(cal, item.dueDate, today);
  if ((w - 1) % overdueEvery === 0) {
    reminders.push({
      kind: 'overdue',
      date: today,
      dueDate: item.dueDate,
      workingDaysOverdue: w,
      daysOverdue: daysBetween(item.dueDate, today),
    });
  }
  return reminders;
}
