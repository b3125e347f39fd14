import { describe, expect, it } from 'vitest';
import { addDays } from './china-date';
import { chineseDaysData } from './chinese-days-data';
import {
  addWorkingDays,
  calendarCoverage,
  coverageWarning,
  createWorkCalendar,
  describeDay,
  dueDateAfterCalendarDays,
  isWorkingDay,
  isYearCovered,
  nextWorkingDay,
  previousWorkingDay,
  subtractWorkingDays,
  uncoveredYears,
  validateCalendarOverrides,
  workingDaysBetween,
} from './work-calendar';

const cal = createWorkCalendar();

function datesFrom(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

describe('package data (chinese-days 1.5.7) against the State Council notices', () => {
  it('covers 2004–2026', () => {
    expect(chineseDaysData.years[0]).toBe(2004);
    expect(chineseDaysData.years.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(isYearCovered(cal, 2025)).toBe(true);
    expect(isYearCovered(cal, 2026)).toBe(true);
  });

  it('2025 National Day + Mid-Autumn: 10-01..10-08 off, make-up 09-28 (Sun) and 10-11 (Sat)', () => {
    for (const d of datesFrom('2025-10-01', 8)) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-12')).toBe(false); // an ordinary Sunday
    expect(isWorkingDay(cal, '2025-10-09')).toBe(true);
    expect(describeDay(cal, '2025-10-06')).toMatchObject({ kind: 'holiday', name: '中秋', source: 'package' });
    expect(describeDay(cal, '2025-10-11')).toMatchObject({ kind: 'makeup_workday', isWorkingDay: true, name: '国庆节' });
  });

  it('2025 Spring Festival: 01-28..02-04 off, make-up 01-26 (Sun) and 02-08 (Sat)', () => {
    for (const d of datesFrom('2025-01-28', 8)) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true);
    expect(isWorkingDay(cal, '2025-01-27')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-05')).toBe(true);
  });

  it('2025 has 248 working days', () => {
    // 261 weekdays − 18 days off on weekdays (元旦 1, 春节 6, 清明 1, 劳动节 3, 端午 1, 国庆中秋 6) + 5 make-up days
    expect(workingDaysBetween(cal, '2024-12-31', '2025-12-31')).toBe(248);
  });

  it('2026: Spring Festival 02-15..02-23 off, make-up 01-04, 02-14, 02-28, 05-09, 09-20, 10-10', () => {
    for (const d of datesFrom('2026-02-15', 9)) expect(isWorkingDay(cal, d), d).toBe(false);
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(isWorkingDay(cal, d), d).toBe(true);
    }
    for (const d of datesFrom('2026-10-01', 7)) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true);
  });
});

describe('counting working days (整改时限 N个工作日)', () => {
  it('National Day week: 1 working day after 09-30 is 10-09', () => {
    expect(addWorkingDays(cal, '2025-09-30', 1)).toBe('2025-10-09');
    expect(nextWorkingDay(cal, '2025-09-30')).toBe('2025-10-09');
    expect(addWorkingDays(cal, '2025-09-30', 2)).toBe('2025-10-10');
    // the make-up Saturday 10-11 counts; Sunday 10-12 does not
    expect(addWorkingDays(cal, '2025-09-30', 3)).toBe('2025-10-11');
    expect(addWorkingDays(cal, '2025-09-30', 4)).toBe('2025-10-13');
    expect(workingDaysBetween(cal, '2025-09-30', '2025-10-13')).toBe(4);
  });

  it('the make-up Sunday before National Day counts', () => {
    // Fri 09-26 → Sun 09-28 (调休上班) → Mon 09-29 → Tue 09-30 → Thu 10-09
    expect(addWorkingDays(cal, '2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays(cal, '2025-09-26', 4)).toBe('2025-10-09');
    expect(previousWorkingDay(cal, '2025-10-09')).toBe('2025-09-30');
    expect(subtractWorkingDays(cal, '2025-10-09', 3)).toBe('2025-09-28');
  });

  it('Spring Festival 2025', () => {
    // Fri 01-24 → Sun 01-26 (make-up) → Mon 01-27 → Wed 02-05 (after 01-28..02-04 off)
    expect(addWorkingDays(cal, '2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkingDays(cal, '2025-01-24', 3)).toBe('2025-02-05');
    // 02-05 Wed, 06 Thu, 07 Fri, 08 Sat (make-up), 10 Mon
    expect(addWorkingDays(cal, '2025-02-04', 5)).toBe('2025-02-10');
    // 02-05, 06, 07, 08 (make-up), 10, 11, 12, 13, 14, 17
    expect(addWorkingDays(cal, '2025-01-27', 10)).toBe('2025-02-17');
  });

  it('a plain week: Monday + 5 working days is next Monday; weekend issue dates count from Monday', () => {
    expect(addWorkingDays(cal, '2025-03-10', 5)).toBe('2025-03-17');
    expect(addWorkingDays(cal, '2025-03-14', 1)).toBe('2025-03-17'); // Friday → Monday
    expect(addWorkingDays(cal, '2025-03-15', 1)).toBe('2025-03-17'); // Saturday → Monday
    expect(addWorkingDays(cal, '2025-03-16', 5)).toBe('2025-03-21'); // Sunday → Friday
    expect(workingDaysBetween(cal, '2025-03-10', '2025-03-17')).toBe(5);
    expect(workingDaysBetween(cal, '2025-03-17', '2025-03-10')).toBe(-5);
    expect(workingDaysBetween(cal, '2025-03-15', '2025-03-16')).toBe(0);
    expect(workingDaysBetween(cal, '2025-03-10', '2025-03-10')).toBe(0);
  });

  it('refuses N < 1, fractions and bad dates', () => {
    expect(() => addWorkingDays(cal, '2025-03-10', 0)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-03-10', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-03-10', 100_000)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-02-30', 1)).toThrow(RangeError);
    expect(() => isWorkingDay(cal, '2025/03/10')).toThrow(RangeError);
  });

  it('calendar-day deadlines move off rest days (民法典 第203条)', () => {
    expect(dueDateAfterCalendarDays(cal, '2025-03-10', 5)).toBe('2025-03-17'); // Sat 15 → Mon 17
    expect(dueDateAfterCalendarDays(cal, '2025-03-10', 3)).toBe('2025-03-13');
    expect(dueDateAfterCalendarDays(cal, '2025-09-26', 5)).toBe('2025-10-09'); // 10-01 → after the holiday
    expect(dueDateAfterCalendarDays(cal, '2025-10-06', 5)).toBe('2025-10-11'); // make-up Saturday is a working day
  });
});

describe('overrides entered by the admin', () => {
  it('win over package data and the weekday rule', () => {
    const edited = createWorkCalendar([
      { date: '2025-10-08', kind: 'workday', name: '本地调整' },
      { date: '2025-10-11', kind: 'holiday' },
      { date: '2025-03-12', kind: 'holiday', name: '防汛' },
      { date: '2025-03-15', kind: 'workday' },
    ]);
    expect(isWorkingDay(edited, '2025-10-08')).toBe(true);
    expect(isWorkingDay(edited, '2025-10-11')).toBe(false);
    expect(isWorkingDay(edited, '2025-03-12')).toBe(false);
    expect(isWorkingDay(edited, '2025-03-15')).toBe(true);
    expect(addWorkingDays(edited, '2025-09-30', 1)).toBe('2025-10-08');
    expect(describeDay(edited, '2025-10-08')).toMatchObject({ kind: 'makeup_workday', name: '本地调整', source: 'override' });
    expect(describeDay(edited, '2025-10-11')).toMatchObject({ kind: 'holiday', name: null, source: 'override' });
    // the package calendar is untouched
    expect(isWorkingDay(cal, '2025-10-08')).toBe(false);
  });

  it('validates the list: bad dates, bad kinds, duplicates', () => {
    const problems = validateCalendarOverrides([
      { date: '2027-02-30', kind: 'holiday' },
      { date: '2027-02-10', kind: 'holiday' },
      { date: '2027-02-10', kind: 'workday' },
      { date: '2027-02-11', kind: 'off' as never },
    ]);
    expect(problems.map((p) => p.index)).toEqual([0, 2, 3]);
    expect(() =>
      createWorkCalendar([
        { date: '2027-02-10', kind: 'holiday' },
        { date: '2027-02-10', kind: 'holiday' },
      ]),
    ).toThrow(RangeError);
  });
});

describe('coverage', () => {
  it('years outside the data fall back to Mon–Fri and are reported as not covered', () => {
    expect(isYearCovered(cal, 2027)).toBe(false);
    expect(coverageWarning(cal, 2027)).toContain('2027年节假日安排尚未录入');
    expect(coverageWarning(cal, 2025)).toBeNull();
    // 2027-10-01 is a Friday: without data it is a working day
    expect(isWorkingDay(cal, '2027-10-01')).toBe(true);
    expect(isWorkingDay(cal, '2027-10-02')).toBe(false);
    expect(addWorkingDays(cal, '2027-09-30', 1)).toBe('2027-10-01');
    expect(uncoveredYears(cal, '2026-12-01', '2028-01-15')).toEqual([2027, 2028]);
    expect(uncoveredYears(cal, '2025-01-01', '2026-12-31')).toEqual([]);
    expect(calendarCoverage(cal)).toMatchObject({ firstYear: 2004, lastYear: 2026, overrideOnlyYears: [] });
  });

  it('a year becomes covered once the admin enters its holidays', () => {
    const edited = createWorkCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节' },
      { date: '2028-05-06', kind: 'workday' }, // a make-up day alone does not cover a year
    ]);
    expect(isYearCovered(edited, 2027)).toBe(true);
    expect(isYearCovered(edited, 2028)).toBe(false);
    expect(calendarCoverage(edited)).toMatchObject({ lastYear: 2027, overrideOnlyYears: [2027] });
    expect(calendarCoverage(edited).years).toContain(2027);
  });

  it('a custom base replaces the package data', () => {
    const empty = createWorkCalendar([], { base: { years: [], days: [] } });
    expect(isWorkingDay(empty, '2025-10-01')).toBe(true);
    expect(calendarCoverage(empty)).toEqual({ years: [], packageYears: [], overrideOnlyYears: [], firstYear: null, lastYear: null });
  });
});
