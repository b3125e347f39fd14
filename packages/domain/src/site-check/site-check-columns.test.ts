import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnKind, columnStatus, columnVeto, defaultIntervalDays, homepageStale } from './site-check-columns';
import { addDays } from './site-check-dates';

const today = '2026-12-07';

describe('column rules (国办 2019)', () => {
  it('classifies navigation labels', () => {
    expect(['工作动态', '政务要闻', '部门动态'].map(defaultIntervalDays)).toEqual([14, 14, 14]);
    expect(['通知公告', '政策文件'].map(defaultIntervalDays)).toEqual([180, 180]);
    expect(columnKind('人事信息')).toBe('other');
    expect(defaultIntervalDays('人事信息')).toBe(365);
  });
  it('a column is stale the day after its interval ends (golden)', () => {
    expect(columnStatus('2026-11-23', 14, today)).toBe('ok'); // 14 days
    expect(columnStatus('2026-11-22', 14, today)).toBe('stale'); // 15 days
    expect(columnStatus('2026-06-10', 180, today)).toBe('ok'); // 180 days
    expect(columnStatus('2026-06-09', 180, today)).toBe('stale');
    expect(columnStatus(null, 14, today)).toBe('blank');
    expect(homepageStale('2026-11-23', today)).toBe(false);
    expect(homepageStale('2026-11-22', today)).toBe(true);
    expect(homepageStale(null, today)).toBe(true);
  });
  it('status is monotone in age', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 400 }), (age, interval) => {
        const s = columnStatus(addDays(today, -age), interval, today);
        expect(s).toBe(age > interval ? 'stale' : 'ok');
      }),
    );
  });
  it('the 栏目不更新 veto at 5 stale, 10 long-stale, 5 blank', () => {
    const col = (name: string, newest: string | null, intervalDays: number) => ({
      name,
      newest,
      intervalDays,
      status: columnStatus(newest, intervalDays, today),
    });
    const four = Array.from({ length: 4 }, (_, i) => col(`动态${i}`, '2026-10-01', 14));
    expect(columnVeto(four, today).veto).toBe(false);
    expect(columnVeto([...four, col('通知公告', '2026-01-01', 180)], today)).toMatchObject({ veto: true, stale: 5 });
    // Other columns stale by their own interval do not count towards the 5, only towards long-stale.
    const others = Array.from({ length: 9 }, (_, i) => col(`专题${i}`, '2025-10-01', 365));
    expect(columnVeto(others, today).veto).toBe(false);
    expect(columnVeto([...others, col('专题9', '2025-01-01', 365)], today)).toMatchObject({ veto: true, longStale: 10 });
    const blanks = Array.from({ length: 5 }, (_, i) => col(`栏目${i}`, null, 365));
    expect(columnVeto(blanks.slice(1), today).veto).toBe(false);
    expect(columnVeto(blanks, today)).toMatchObject({ veto: true, blank: 5 });
  });
});
