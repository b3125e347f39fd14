import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, chinaDateOf, daysBetween, extractDates, newestDate } from './site-check-dates';

describe('extractDates', () => {
  it('reads the forms CMS listings print', () => {
    const text = '通知 2026-11-03 公告 2026/9/7 要闻 2026.08.15 动态 2026年11月3日 其他 2026 年 1 月 2 日';
    expect(extractDates(text, '2026-12-07')).toEqual(['2026-11-03', '2026-09-07', '2026-08-15', '2026-11-03', '2026-01-02']);
  });
  it('takes a bare month-day year from the full date before it, else today, never after today', () => {
    expect(extractDates('2025-12-30 标题 12-28 标题 12-01', '2026-12-07')).toEqual(['2025-12-30', '2025-12-28', '2025-12-01']);
    expect(extractDates('[11-03] 标题 [12-28]', '2026-12-07')).toEqual(['2026-11-03', '2025-12-28']);
    expect(extractDates('标题 11月3日', '2026-12-07')).toEqual(['2026-11-03']);
  });
  it('ignores impossible dates, times, phone numbers and plain years', () => {
    expect(extractDates('2026-02-30 电话 0571-12345678 10:30 2026年 版权所有 2019-2026', '2026-12-07')).toEqual([]);
  });
  it('newestDate skips future dates', () => {
    expect(newestDate('2026-11-03 2027-01-01 2026-12-06', '2026-12-07')).toBe('2026-12-06');
    expect(newestDate('无日期', '2026-12-07')).toBeNull();
  });
  it('chinaDateOf uses Asia/Shanghai', () => {
    expect(chinaDateOf(new Date('2026-12-06T16:30:00Z'))).toBe('2026-12-07');
    expect(chinaDateOf(new Date('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
  });
  it('any real date printed in any form reads back as itself', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));
    fc.assert(
      fc.property(day, fc.constantFrom('-', '/', '.', '年'), (date, sep) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const printed = sep === '年' ? `${y}年${m}月${d}日` : `${y}${sep}${m}${sep}${String(d).padStart(2, '0')}`;
        expect(extractDates(`发布时间:${printed} 来源`, '2060-01-01')).toEqual([date]);
      }),
    );
  });
  it('daysBetween and addDays are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const a = addDays('2000-01-01', n);
        expect(daysBetween(a, addDays(a, k))).toBe(k);
        expect(calendarDate(Number(a.slice(0, 4)), Number(a.slice(5, 7)), Number(a.slice(8)))).toBe(a);
      }),
    );
  });
});
