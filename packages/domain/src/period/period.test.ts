import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chinaToday, comparePeriodCodes, parsePeriod, periodDateRange, periodOfDate, previousPeriod } from './period';

describe('period', () => {
  it('parses quarters and years and rejects junk', () => {
    expect(parsePeriod('2025Q3')).toEqual({ kind: 'quarter', code: '2025Q3', year: 2025, quarter: 3 });
    expect(parsePeriod('2025')).toEqual({ kind: 'year', code: '2025', year: 2025 });
    for (const bad of ['2025Q5', '2025Q0', '25Q1', '2025-Q1', '', 'Q1']) expect(parsePeriod(bad)).toBeNull();
  });

  it('gives China calendar date ranges', () => {
    expect(periodDateRange(parsePeriod('2025Q1')!)).toEqual({ start: '2025-01-01', end: '2025-03-31' });
    expect(periodDateRange(parsePeriod('2024Q4')!)).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(periodDateRange(parsePeriod('2025')!)).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('steps back across a year boundary', () => {
    expect(previousPeriod(parsePeriod('2025Q1')!).code).toBe('2024Q4');
    expect(previousPeriod(parsePeriod('2025')!).code).toBe('2024');
  });

  it('every date falls inside the range of its own quarter (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const date = d.toISOString().slice(0, 10);
        const { start, end } = periodDateRange(periodOfDate(date));
        return start <= date && date <= end;
      }),
    );
  });

  it('orders periods with the year after its quarters', () => {
    expect(['2025', '2025Q2', '2024Q4', '2025Q1'].sort(comparePeriodCodes)).toEqual(['2024Q4', '2025Q1', '2025Q2', '2025']);
  });

  it('computes today in Asia/Shanghai, not in the process time zone', () => {
    // 2025-12-31 17:00 UTC is already 2026-01-01 01:00 in Beijing.
    expect(chinaToday(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(chinaToday(new Date('2025-12-31T15:59:00Z'))).toBe('2025-12-31');
  });
});
