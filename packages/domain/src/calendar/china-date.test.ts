import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, fromDayNumber, isChinaDate, isWeekend, toDayNumber, weekdayOf } from './china-date';

describe('china-date', () => {
  it('maps dates to day numbers and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2025-10-01'))).toBe('2025-10-01');
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('refuses what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', '20250101', '2025-10-01T00:00', '', '0050-01-01']) {
      expect(isChinaDate(bad)).toBe(false);
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    }
    expect(isChinaDate('2024-02-29')).toBe(true);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekdayOf('2025-10-01')).toBe(3); // Wednesday
    expect(weekdayOf('2025-09-28')).toBe(0); // Sunday
    expect(weekdayOf('2025-10-11')).toBe(6); // Saturday
    expect(weekdayOf('1969-12-28')).toBe(0);
    expect(isWeekend('2025-10-11')).toBe(true);
    expect(isWeekend('2025-10-10')).toBe(false);
  });

  it('round-trips every day number and agrees with UTC weekdays (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), (n) => {
        const date = fromDayNumber(n);
        const utc = new Date(n * 86_400_000);
        return toDayNumber(date) === n && weekdayOf(date) === utc.getUTCDay();
      }),
    );
  });
});
