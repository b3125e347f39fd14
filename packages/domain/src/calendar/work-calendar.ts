// The China working-day calendar (工作日历) used for deadlines such as 整改时限 "N个工作日".
//
// A day is a working day when:
//   1. an override entered by the office's admin says so (kind 'workday'), or says it is not
//      (kind 'holiday') — overrides always win;
//   2. otherwise the State Council arrangement (from the `chinese-days` package) lists it as a
//      holiday (放假, including swapped days) → not a working day, or as a make-up workday
//      (调休上班, a Saturday or Sunday) → a working day;
//   3. otherwise Monday–Friday are working days, Saturday and Sunday are not.
// Rule 3 is also the fallback for years the data does not cover yet (before the State Council
// publishes next year's arrangement, usually in November). calendarCoverage() tells the UI which
// years are covered so it can warn "2027年节假日安排尚未录入"; the admin then enters the year's
// holidays and make-up workdays as overrides.
//
// How "N个工作日" is counted (the usual reading of 民法典 第201条 "开始的当日不计入，自下一日开始计算",
// as in 政府信息公开条例 第33条 "自收到申请之日起20个工作日内"):
//   - the issue date itself is never counted, even when it is a working day;
//   - counting starts on the next day and counts only working days;
//   - the deadline is the N-th working day counted, and the whole of that day is allowed.
//   addWorkingDays(cal, '2025-09-30', 1) === '2025-10-09': 10-01..10-08 are off (National Day and
//   Mid-Autumn), so the first working day after 09-30 is Thursday 10-09. A task issued on a
//   Saturday with 1 working day is due on Monday (or the next working day).
//   A make-up Saturday such as 2025-10-11 counts like any working day.
//
// All functions are pure and work on YYYY-MM-DD strings via day numbers (china-date.ts);
// nothing depends on the process time zone.

import { fromDayNumber, toDayNumber, weekdayOfDayNumber, yearOf } from './china-date';
import { chineseDaysData, type BaseCalendarData, type SpecialDayKind } from './chinese-days-data';

export type { SpecialDayKind } from './chinese-days-data';

/** One admin entry: makes a date a holiday or a working day, whatever the package data says. */
export interface CalendarOverride {
  date: string;
  kind: SpecialDayKind;
  name?: string;
}

interface SpecialDay {
  kind: SpecialDayKind;
  name: string | null;
  source: 'package' | 'override';
}

export interface WorkCalendar {
  /** Special days by day number (see china-date.ts). */
  readonly special: ReadonlyMap<number, SpecialDay>;
  readonly packageYears: ReadonlySet<number>;
  /** Years in which the admin entered at least one holiday (taken as "the year's arrangement entered"). */
  readonly overrideYears: ReadonlySet<number>;
}

/** A problem with an override list, for the settings form. */
export interface CalendarOverrideProblem {
  index: number;
  date: string;
  message: string;
}

/** At most this many working days in one addWorkingDays / subtractWorkingDays call (~40 years). */
export const MAX_WORKING_DAYS = 10_000;

export function validateCalendarOverrides(overrides: readonly CalendarOverride[]): CalendarOverrideProblem[] {
  const problems: CalendarOverrideProblem[] = [];
  const seen = new Map<string, number>();
  overrides.forEach((o, index) => {
    let valid = true;
    try {
      toDayNumber(o.date);
    } catch {
      valid = false;
      problems.push({ index, date: o.date, message: '日期格式应为 YYYY-MM-DD' });
    }
    if (o.kind !== 'holiday' && o.kind !== 'workday') {
      problems.push({ index, date: o.date, message: '类型应为 holiday(放假) 或 workday(上班)' });
    }
    if (!valid) return;
    const first = seen.get(o.date);
    if (first !== undefined) problems.push({ index, date: o.date, message: `与第${first + 1}条日期重复` });
    else seen.set(o.date, index);
  });
  return problems;
}

/**
 * Builds a calendar from the package's State Council data plus the admin's overrides (overrides win).
 * Throws RangeError when the overrides are invalid (see validateCalendarOverrides).
 * `base` replaces the package data (tests, or a data source other than `chinese-days`).
 */
export function createWorkCalendar(overrides: readonly CalendarOverride[] = [], options: { base?: BaseCalendarData } = {}): WorkCalendar {
  const problems = validateCalendarOverrides(overrides);
  const firstProblem = problems[0];
  if (firstProblem) throw new RangeError(`calendar override ${firstProblem.index + 1} (${firstProblem.date}): ${firstProblem.message}`);

  const base = options.base ?? chineseDaysData;
  const special = new Map<number, SpecialDay>();
  for (const d of base.days) special.set(toDayNumber(d.date), { kind: d.kind, name: d.name, source: 'package' });
  const overrideYears = new Set<number>();
  for (const o of overrides) {
    const name = o.name?.trim() ? o.name.trim() : null;
    special.set(toDayNumber(o.date), { kind: o.kind, name, source: 'override' });
    if (o.kind === 'holiday') overrideYears.add(Number(o.date.slice(0, 4)));
  }
  return { special, packageYears: new Set(base.years), overrideYears };
}

function isWorkingDayNumber(cal: WorkCalendar, dayNumber: number): boolean {
  const s = cal.special.get(dayNumber);
  if (s) return s.kind === 'workday';
  const w = weekdayOfDayNumber(dayNumber);
  return w !== 0 && w !== 6;
}

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  return isWorkingDayNumber(cal, toDayNumber(date));
}

export interface CalendarDay {
  date: string;
  isWorkingDay: boolean;
  /** weekday/weekend by the Mon–Fri rule; holiday (放假) or makeup_workday (调休上班) by data. */
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeup_workday';
  /** The holiday's name, e.g. 国庆节; null for ordinary days. */
  name: string | null;
  source: 'rule' | 'package' | 'override';
}

/** What the calendar says about one date, and why (for the settings page and tooltips). */
export function describeDay(cal: WorkCalendar, date: string): CalendarDay {
  const n = toDayNumber(date);
  const s = cal.special.get(n);
  if (s) {
    return {
      date,
      isWorkingDay: s.kind === 'workday',
      kind: s.kind === 'workday' ? 'makeup_workday' : 'holiday',
      name: s.name,
      source: s.source,
    };
  }
  const w = weekdayOfDayNumber(n);
  const weekend = w === 0 || w === 6;
  return { date, isWorkingDay: !weekend, kind: weekend ? 'weekend' : 'weekday', name: null, source: 'rule' };
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`number of working days must be a whole number from 1 to ${MAX_WORKING_DAYS}: ${n}`);
  }
}

/**
 * The N-th working day AFTER `date` (N ≥ 1): `date` itself is not counted, whatever it is;
 * the first counted day is the next working day. This is how "N个工作日内" deadlines are set.
 */
export function addWorkingDays(cal: WorkCalendar, date: string, n: number): string {
  checkCount(n);
  let d = toDayNumber(date);
  let counted = 0;
  while (counted < n) {
    d += 1;
    if (isWorkingDayNumber(cal, d)) counted += 1;
  }
  return fromDayNumber(d);
}

/** The N-th working day BEFORE `date` (N ≥ 1), `date` not counted; e.g. reminder dates before a deadline. */
export function subtractWorkingDays(cal: WorkCalendar, date: string, n: number): string {
  checkCount(n);
  let d = toDayNumber(date);
  let counted = 0;
  while (counted < n) {
    d -= 1;
    if (isWorkingDayNumber(cal, d)) counted += 1;
  }
  return fromDayNumber(d);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  return addWorkingDays(cal, date, 1);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(cal: WorkCalendar, date: string): string {
  return subtractWorkingDays(cal, date, 1);
}

/**
 * Working days in the half-open range (from, to]: `from` is not counted, `to` is.
 * So workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n, and a task issued on `from`
 * has used workingDaysBetween(cal, from, today) of its working days by the end of `today`.
 * Negative when `to` is before `from` (−workingDaysBetween(cal, to, from)); 0 when equal.
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d += 1) if (isWorkingDayNumber(cal, d)) count += 1;
  return sign * count;
}

/**
 * A deadline of N calendar days (N日): `date` not counted; when the last day is not a working day
 * the deadline moves to the next working day (民法典 第203条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
 */
export function dueDateAfterCalendarDays(cal: WorkCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3660) throw new RangeError(`number of days must be a whole number from 1 to 3660: ${n}`);
  const last = toDayNumber(date) + n;
  return isWorkingDayNumber(cal, last) ? fromDayNumber(last) : nextWorkingDay(cal, fromDayNumber(last));
}

export interface CalendarCoverage {
  /** Years whose holiday arrangement is known (package data or admin-entered holidays), ascending. */
  years: number[];
  packageYears: number[];
  /** Years covered only because the admin entered holidays for them. */
  overrideOnlyYears: number[];
  firstYear: number | null;
  lastYear: number | null;
}

export function calendarCoverage(cal: WorkCalendar): CalendarCoverage {
  const years = [...new Set([...cal.packageYears, ...cal.overrideYears])].sort((a, b) => a - b);
  return {
    years,
    packageYears: [...cal.packageYears].sort((a, b) => a - b),
    overrideOnlyYears: [...cal.overrideYears].filter((y) => !cal.packageYears.has(y)).sort((a, b) => a - b),
    firstYear: years[0] ?? null,
    lastYear: years[years.length - 1] ?? null,
  };
}

/** True when the year's holidays are known; false means the Mon–Fri fallback is in use. */
export function isYearCovered(cal: WorkCalendar, year: number): boolean {
  return cal.packageYears.has(year) || cal.overrideYears.has(year);
}

/** Years touched by the dates from..to (inclusive, any order) whose holidays are not known. */
export function uncoveredYears(cal: WorkCalendar, from: string, to: string): number[] {
  const a = yearOf(from);
  const b = yearOf(to);
  const out: number[] = [];
  for (let y = Math.min(a, b); y <= Math.max(a, b); y += 1) if (!isYearCovered(cal, y)) out.push(y);
  return out;
}

/** The warning the UI shows for an uncovered year, e.g. "2027年节假日安排尚未录入"; null when covered. */
export function coverageWarning(cal: WorkCalendar, year: number): string | null {
  return isYearCovered(cal, year) ? null : `${year}年节假日安排尚未录入，暂按周一至周五为工作日计算`;
}
