// The deadlines the bulletin's requirements suggest (the office may change them in its wording).
import { addWorkingDays, type WorkCalendar } from '../calendar/work-calendar';
import { nextPeriod, periodDateRange, type Period } from '../period/period';
import { commonDueDate } from './bulletin-rectification';

/** Working days a unit gets to report back on the period's problems when no ledger item says otherwise. */
export const DEFAULT_RECTIFICATION_WORKING_DAYS = 10;
/** Working days a unit that did not report back last period gets to do so. */
export const FOLLOW_UP_WORKING_DAYS = 5;

/**
 * Rectification: the most common due date of the items issued from the period's findings, else
 * ten working days from the later of publication and today; follow-up: five working days from
 * today; the next snapshot: the last day of the next period.
 */
export function bulletinDeadlines(
  calendar: WorkCalendar,
  input: { period: Period; today: string; publishedOn: string | null; issuedDueDates: readonly string[] },
): { rectification: string; followUp: string; nextSnapshot: string | null } {
  const { today, publishedOn } = input;
  const from = publishedOn !== null && publishedOn > today ? publishedOn : today;
  return {
    rectification: commonDueDate(input.issuedDueDates) ?? addWorkingDays(calendar, from, DEFAULT_RECTIFICATION_WORKING_DAYS),
    followUp: addWorkingDays(calendar, today, FOLLOW_UP_WORKING_DAYS),
    nextSnapshot: periodDateRange(nextPeriod(input.period)).end,
  };
}
