import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chinaDateSchema,
  idSchema,
  isChinaDate,
  isPeriodCode,
  isQuarterCode,
  periodCodeSchema,
  quarterCodeSchema,
  versionSchema,
  yearSchema,
} from './common';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('chinaDateSchema', () => {
  it('takes real calendar dates, leap days included', () => {
    for (const d of ['2026-12-07', '2024-02-29', '2000-02-29', '2026-01-31']) expect(isChinaDate(d)).toBe(true);
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD, in Chinese', () => {
    for (const d of [
      '2026-13-45',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-1-1',
      '2026/01/01',
      '2026-01-01T00:00:00Z',
      '',
    ]) {
      expect(isChinaDate(d), d).toBe(false);
    }
    expect(messageOf(chinaDateSchema.safeParse('2026-13-45'))).toMatch(/YYYY-MM-DD/);
  });

  it('agrees with the calendar for every day of 1999–2101 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1999, max: 2101 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const date = new Date(Date.UTC(y, m - 1, d));
        const exists = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isChinaDate(text)).toBe(exists);
      }),
    );
  });
});

describe('periods', () => {
  it('a quarter is YYYYQn, a period a quarter or a year', () => {
    expect(isQuarterCode('2025Q3')).toBe(true);
    expect(isQuarterCode('2025')).toBe(false);
    expect(isQuarterCode('2025Q5')).toBe(false);
    expect(isPeriodCode('2025')).toBe(true);
    expect(isPeriodCode('2025Q4')).toBe(true);
    expect(isPeriodCode('2025q4')).toBe(false);
    expect(quarterCodeSchema.parse(' 2025Q1 ')).toBe('2025Q1');
    expect(messageOf(periodCodeSchema.safeParse('2025Q0'))).toBe('期次格式应为 2025Q3 或 2025');
  });
});

describe('numbers', () => {
  it('bounds years to 2000–2100 and says so in Chinese', () => {
    expect(yearSchema.safeParse(2026).success).toBe(true);
    expect(messageOf(yearSchema.safeParse(1999))).toBe('年度不早于 2000');
    expect(messageOf(yearSchema.safeParse(2101))).toBe('年度不晚于 2100');
    expect(messageOf(yearSchema.safeParse(2025.5))).toBe('年度应为整数');
  });

  it('ids are positive integers, versions non-negative', () => {
    expect(idSchema.safeParse(0).success).toBe(false);
    expect(idSchema.safeParse(1).success).toBe(true);
    expect(versionSchema.safeParse(0).success).toBe(true);
    expect(versionSchema.safeParse(-1).success).toBe(false);
  });
});
