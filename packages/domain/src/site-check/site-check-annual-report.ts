// 年报 publication deadline: a year's 政府信息公开工作年度报告 is due by 1月31日 of the following year.
import { calendarDate } from './site-check-dates';

export function annualReportDeadline(year: number): string {
  return calendarDate(year + 1, 1, 31) ?? `${year + 1}-01-31`;
}

/** The report year a check on `today` expects: last year's. */
export function expectedReportYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

/** On time when published on or before the deadline; an unknown date is not on time. */
export function reportOnTime(publishedAt: string | null, year: number): boolean {
  return publishedAt !== null && publishedAt <= annualReportDeadline(year);
}

/** The report is only missing once its deadline has passed. */
export function reportOverdue(today: string, year: number): boolean {
  return today > annualReportDeadline(year);
}
