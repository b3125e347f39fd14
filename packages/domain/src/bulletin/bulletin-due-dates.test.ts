// Requirement deadlines follow from the bulletin's 成文日期 in China working days (issue #15 §8:
// a bulletin dated 2026-12-07 asked for rectification 「2026年11月6日前」).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, createWorkCalendar, isWorkingDay, workingDaysBetween } from '../calendar/work-calendar';
import { fromDayNumber, toDayNumber } from '../calendar/china-date';
import { parsePeriod, type Period } from '../period/period';
import { bulletinDeadlines } from './bulletin-deadlines';
import { dueDateProblemMessage, dueDateProblems, requirementDueDate, withDueDates } from './bulletin-due-dates';

const cal = createWorkCalendar();
const q3 = parsePeriod('2026Q3') as Period;

describe('requirement deadlines from the 成文日期 (golden)', () => {
  it('counts working days from the issue date, not from publication or the ledger', () => {
    // Monday 2026-12-07: ten working days are Dec 8–11, 14–18, 21 → Monday 2026-12-21.
    expect(bulletinDeadlines(cal, { period: q3, issueDate: '2026-12-07' })).toEqual({
      rectification: '2026-12-21',
      followUp: '2026-12-14',
      nextSnapshot: '2026-12-31',
    });
  });

  it('skips National Day and counts the make-up Saturday (调休) 2026-10-10', () => {
    // 9-29, 9-30, [10-01…10-07 off], 10-08, 10-09, 10-10 (Sat, 调休上班), 10-12 … 10-16.
    expect(requirementDueDate(cal, '2026-09-28', { heading: '整改', dueDate: null, workingDays: 10 })).toBe('2026-10-16');
    expect(requirementDueDate(cal, '2026-09-30', { heading: '整改', dueDate: null, workingDays: 1 })).toBe('2026-10-08');
  });

  it('points a late bulletin at the next assessment still to come', () => {
    expect(bulletinDeadlines(cal, { period: q3, issueDate: '2027-01-05' }).nextSnapshot).toBe('2027-03-31');
    expect(bulletinDeadlines(cal, { period: q3, issueDate: '2026-12-31' }).nextSnapshot).toBe('2027-03-31');
  });

  it('moves working-day deadlines with the issue date and keeps the dates the office typed', () => {
    const list = [
      { heading: '抓好问题整改', dueDate: '2026-11-06', workingDays: 10 },
      { heading: '做好下期考评准备', dueDate: '2026-12-31', workingDays: null },
      { heading: '建立长效机制', dueDate: null, workingDays: null },
    ];
    expect(withDueDates(cal, '2026-12-07', list).map((r) => r.dueDate)).toEqual(['2026-12-21', '2026-12-31', null]);
    expect(withDueDates(cal, '2026-12-14', list).map((r) => r.dueDate)).toEqual(['2026-12-28', '2026-12-31', null]);
  });

  it('flags the issue #15 case: 2026年11月6日 in a bulletin dated 2026-12-07', () => {
    const problems = dueDateProblems({
      issueDate: '2026-12-07',
      today: '2026-12-07',
      requirements: [
        { heading: '抓好问题整改', dueDate: '2026-11-06' },
        { heading: '补报上期整改情况', dueDate: '2026-12-07' },
        { heading: '建立长效机制', dueDate: null },
        { heading: '做好下期考评准备', dueDate: '2026-12-31' },
      ],
    });
    expect(problems).toEqual([
      { index: 0, heading: '抓好问题整改', dueDate: '2026-11-06', kind: 'notAfterIssueDate' },
      { index: 1, heading: '补报上期整改情况', dueDate: '2026-12-07', kind: 'notAfterIssueDate' },
    ]);
    expect(dueDateProblemMessage(problems, '2026-12-07')).toBe(
      '工作要求的完成时限有误,请在通报中修改后再导出:第1条「抓好问题整改」的完成时限2026年11月6日不晚于成文日期2026年12月7日;' +
        '第2条「补报上期整改情况」的完成时限2026年12月7日不晚于成文日期2026年12月7日。',
    );
  });

  it('flags a date after a back-dated issue date that is already past today', () => {
    expect(
      dueDateProblems({ issueDate: '2026-11-02', today: '2026-12-07', requirements: [{ heading: '整改', dueDate: '2026-11-16' }] }),
    ).toEqual([{ index: 0, heading: '整改', dueDate: '2026-11-16', kind: 'past' }]);
    expect(dueDateProblemMessage([{ index: 0, heading: '整改', dueDate: '2026-11-16', kind: 'past' }], '2026-11-02')).toBe(
      '工作要求的完成时限有误,请在通报中修改后再导出:第1条「整改」的完成时限2026年11月16日已过。',
    );
    // Today itself is still in time.
    expect(
      dueDateProblems({ issueDate: '2026-12-01', today: '2026-12-07', requirements: [{ heading: '整改', dueDate: '2026-12-07' }] }),
    ).toEqual([]);
  });
});

// Dates across the calendar's data (2004–2026) and past it (Mon–Fri fallback).
const dateArb = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2027-12-31') }).map(fromDayNumber);
const nArb = fc.integer({ min: 1, max: 60 });

describe('requirement deadlines (properties)', () => {
  it('a working-day deadline is a working day strictly after the issue date, exactly N working days later', () => {
    fc.assert(
      fc.property(dateArb, nArb, (issueDate, n) => {
        const due = requirementDueDate(cal, issueDate, { heading: 'x', dueDate: '2000-01-01', workingDays: n });
        return due !== null && due > issueDate && isWorkingDay(cal, due) && workingDaysBetween(cal, issueDate, due) === n;
      }),
    );
  });

  it('default deadlines are never flagged when the bulletin is dated today', () => {
    fc.assert(
      fc.property(dateArb, (today) => {
        const d = bulletinDeadlines(cal, { period: parsePeriod(`${today.slice(0, 4)}Q1`) as Period, issueDate: today });
        const requirements = [d.rectification, d.followUp, d.nextSnapshot].map((dueDate) => ({ heading: 'x', dueDate }));
        return dueDateProblems({ issueDate: today, today, requirements }).length === 0;
      }),
    );
  });

  it('a date is flagged exactly when it is on or before the issue date or before today', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (issueDate, today, dueDate) => {
        const flagged = dueDateProblems({ issueDate, today, requirements: [{ heading: 'x', dueDate }] }).length === 1;
        return flagged === (dueDate <= issueDate || dueDate < today);
      }),
    );
  });

  it('moving the issue date later never moves a working-day deadline earlier', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 30 }), nArb, (issueDate, shift, n) => {
        const later = fromDayNumber(toDayNumber(issueDate) + shift);
        return addWorkingDays(cal, later, n) >= addWorkingDays(cal, issueDate, n);
      }),
    );
  });
});
