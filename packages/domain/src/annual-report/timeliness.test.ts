import { describe, expect, it } from 'vitest';
import { checkTimeliness, reportDeadline } from './timeliness';

describe('timeliness', () => {
  it('deadline by unit kind (条例 第四十九条)', () => {
    expect(reportDeadline(2024, 'city_dept')).toEqual({ date: '2025-01-31', statutory: true });
    expect(reportDeadline(2024, 'county_dept')).toEqual({ date: '2025-01-31', statutory: true });
    expect(reportDeadline(2024, 'county_gov')).toEqual({ date: '2025-03-31', statutory: true });
    expect(reportDeadline(2024, 'city_gov')).toEqual({ date: '2025-03-31', statutory: true });
    expect(reportDeadline(2024, 'township')).toEqual({ date: '2025-01-31', statutory: false });
  });

  it('on time, late (error for departments, warning for townships), overdue, not yet due', () => {
    expect(checkTimeliness({ year: 2024, unitKind: 'city_dept', publishedAt: '2025-01-31' })).toMatchObject({
      status: 'on_time',
      daysLate: 0,
      check: null,
    });
    const late = checkTimeliness({ year: 2024, unitKind: 'city_dept', publishedAt: '2025-02-03' });
    expect(late).toMatchObject({ status: 'late', daysLate: 3, check: { rule: 'T1', severity: 'error' } });
    expect(late.check?.message).toBe('2024 年度报告于 2025-02-03 发布, 晚于期限 2025-01-31(条例第四十九条) 3 天');
    expect(checkTimeliness({ year: 2024, unitKind: 'street', publishedAt: '2025-02-01' }).check?.severity).toBe('warning');
    expect(checkTimeliness({ year: 2024, unitKind: 'county_gov', publishedAt: '2025-03-20' }).status).toBe('on_time');
    expect(checkTimeliness({ year: 2024, unitKind: 'county_gov', publishedAt: null, today: '2025-03-01' }).status).toBe('not_due');
    expect(checkTimeliness({ year: 2024, unitKind: 'county_gov', publishedAt: null, today: '2025-04-02' })).toMatchObject({
      status: 'overdue',
      daysLate: 2,
    });
    expect(checkTimeliness({ year: 2023, unitKind: 'city_dept', publishedAt: '2024-03-01' }).daysLate).toBe(30);
    expect(() => checkTimeliness({ year: 2024, unitKind: 'city_dept', publishedAt: '1 Feb' })).toThrow(RangeError);
  });
});
