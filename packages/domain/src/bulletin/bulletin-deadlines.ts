// The deadlines the bulletin's default requirements suggest (the office may change them in its
// wording): counted from the bulletin's 成文日期 (issue date) in China working days, so a bulletin
// never asks for something by a date before it was written (issue #15 §8).
import { addWorkingDays, type WorkCalendar } from '../calendar/work-calendar';
import { nextPeriod, periodDateRange, type Period } from '../period/period';

/** Working days a unit gets to fix the period's problems and report back, from the issue date. */
export const DEFAULT_RECTIFICATION_WORKING_DAYS = 10;
/** Working days a unit that did not report back last period gets to do so, from the issue date. */
export const FOLLOW_UP_WORKING_DAYS = 5;

/**
 * Rectification: ten working days after the issue date; follow-up: five working days after it;
 * the next snapshot: the end of the first period after `period` that ends after the issue date
 * (a late bulletin points at the next assessment still to come, not one already over).
 */
export function bulletinDeadlines(
  calendar: WorkCalendar,
  input: { period: Period; issueDate: string },
): { rectification: string; followUp: string; nextSnapshot: string | null } {
  let next = nextPeriod(input.period);
  for (let i = 0; i < 40 && periodDateRange(next).end <= input.issueDate; i++) next = nextPeriod(next);
  return {
    rectification: addWorkingDays(calendar, input.issueDate, DEFAULT_RECTIFICATION_WORKING_DAYS),
    followUp: addWorkingDays(calendar, input.issueDate, FOLLOW_UP_WORKING_DAYS),
    nextSnapshot: periodDateRange(next).end,
  };
}
