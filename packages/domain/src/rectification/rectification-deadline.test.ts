import { describe, expect, it } from 'vitest';
import type { RectificationItem } from '@kaoping/contracts/rectification/rectification-item';
import { rectificationStatuses } from '@kaoping/contracts/rectification/rectification-status';
import {
  daysLateAtClosure,
  daysOverdue,
  dueDateFor,
  isAwaitingOffice,
  isAwaitingUnit,
  isClosedOnTime,
  isOverdue,
  remindersDue,
  workingDaysLeft,
  workingDaysOverdue,
} from './rectification-deadline';
import { calendar, itemIn } from './rectification-test-fixtures';

// issued 2025-09-01, due Monday 2025-09-15
const open = (over: Partial<RectificationItem> = {}): RectificationItem => ({ ...itemIn('in_progress'), ...over });

describe('overdue is derived from status, due date and today', () => {
  it('an open item is overdue from the day after its due date', () => {
    expect(isOverdue(open(), '2025-09-15')).toBe(false);
    expect(isOverdue(open(), '2025-09-16')).toBe(true);
    expect(daysOverdue(open(), '2025-09-15')).toBe(0);
    expect(daysOverdue(open(), '2025-09-20')).toBe(5);
  });

  it('waiting for the office still counts as open (only 销号 stops the clock)', () => {
    expect(isOverdue(itemIn('submitted'), '2025-09-16')).toBe(true);
    expect(isOverdue(itemIn('explanation_submitted'), '2025-09-16')).toBe(true);
  });

  it('closed, explained and cancelled items are never overdue', () => {
    for (const status of ['closed', 'explained', 'cancelled'] as const) {
      expect(isOverdue(itemIn(status), '2026-01-01')).toBe(false);
      expect(daysOverdue(itemIn(status), '2026-01-01')).toBe(0);
    }
  });

  it('closed on time means closed on or before the due date', () => {
    const closed = itemIn('closed');
    expect(isClosedOnTime({ ...closed, closedOn: '2025-09-15' })).toBe(true);
    expect(isClosedOnTime({ ...closed, closedOn: '2025-09-16' })).toBe(false);
    expect(daysLateAtClosure({ ...closed, closedOn: '2025-09-20' })).toBe(5);
    expect(daysLateAtClosure({ ...closed, closedOn: '2025-09-10' })).toBe(0);
    expect(isClosedOnTime({ ...itemIn('explained'), closedOn: '2025-09-15' })).toBe(true);
    expect(isClosedOnTime(open())).toBe(false);
    expect(daysLateAtClosure(open())).toBeNull();
    expect(isClosedOnTime(itemIn('cancelled'))).toBe(false);
  });

  it('splits open statuses between the unit and the office', () => {
    for (const s of rectificationStatuses) {
      const expectedUnit = ['issued', 'acknowledged', 'in_progress', 'returned'].includes(s);
      const expectedOffice = ['submitted', 'explanation_submitted'].includes(s);
      expect(isAwaitingUnit(s), s).toBe(expectedUnit);
      expect(isAwaitingOffice(s), s).toBe(expectedOffice);
    }
  });

  it('counts working days left', () => {
    expect(workingDaysLeft(calendar, open(), '2025-09-15')).toBe(0);
    expect(workingDaysLeft(calendar, open(), '2025-09-12')).toBe(1);
    expect(workingDaysLeft(calendar, open(), '2025-09-13')).toBe(1);
    expect(workingDaysLeft(calendar, open(), '2025-09-17')).toBe(-2);
    expect(workingDaysLeft(calendar, open({ dueDate: '2025-10-09' }), '2025-09-30')).toBe(1);
  });
});

describe('due dates', () => {
  it('from a date, N working days or N calendar days', () => {
    expect(dueDateFor(calendar, '2025-09-30', { kind: 'date', date: '2025-10-31' })).toEqual({
      dueDate: '2025-10-31',
      dueRule: { kind: 'date' },
    });
    expect(dueDateFor(calendar, '2025-09-30', { kind: 'working_days', days: 5 })).toEqual({
      dueDate: '2025-10-14', // 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14
      dueRule: { kind: 'working_days', days: 5 },
    });
    // 望城区: issued 10-12, rectify by 10-17 (5 days)
    expect(dueDateFor(calendar, '2023-10-12', { kind: 'calendar_days', days: 5 }).dueDate).toBe('2023-10-17');
  });
});

describe('reminders', () => {
  it('N working days before the due date, default 2', () => {
    expect(remindersDue(open(), calendar, '2025-09-11')).toEqual([
      { kind: 'before_due', date: '2025-09-11', dueDate: '2025-09-15', workingDaysBefore: 2 },
    ]);
    expect(remindersDue(open(), calendar, '2025-09-12')).toEqual([]);
    expect(remindersDue(open(), calendar, '2025-09-10')).toEqual([]);
    expect(remindersDue(open(), calendar, '2025-09-12', [1, 3]).map((r) => r.kind)).toEqual(['before_due']);
    expect(remindersDue(open(), calendar, '2025-09-10', [1, 3])).toMatchObject([{ workingDaysBefore: 3 }]);
  });

  it('skip holidays: 2 working days before 10-09 is 09-29', () => {
    const item = open({ dueDate: '2025-10-09' });
    expect(remindersDue(item, calendar, '2025-09-29')).toMatchObject([{ kind: 'before_due', workingDaysBefore: 2 }]);
    expect(remindersDue(item, calendar, '2025-10-07')).toEqual([]);
  });

  it('not on or before the issue date', () => {
    expect(remindersDue(open({ issuedOn: '2025-09-11' }), calendar, '2025-09-11')).toEqual([]);
  });

  it('overdue notices: first working day after the due date, then every 5 working days', () => {
    expect(remindersDue(open(), calendar, '2025-09-16')).toEqual([
      { kind: 'overdue', date: '2025-09-16', dueDate: '2025-09-15', workingDaysOverdue: 1, daysOverdue: 1 },
    ]);
    expect(remindersDue(open(), calendar, '2025-09-17')).toEqual([]);
    expect(remindersDue(open(), calendar, '2025-09-20')).toEqual([]); // Saturday
    expect(remindersDue(open(), calendar, '2025-09-22')).toEqual([]); // 5th working day overdue
    expect(remindersDue(open(), calendar, '2025-09-23')).toMatchObject([{ kind: 'overdue', workingDaysOverdue: 6, daysOverdue: 8 }]);
    expect(remindersDue(open(), calendar, '2025-09-17', [2], { overdueEvery: 1 })).toMatchObject([{ workingDaysOverdue: 2 }]);
  });

  it('a due date on Friday: the first overdue notice comes on Monday', () => {
    const item = open({ dueDate: '2025-09-12' });
    expect(remindersDue(item, calendar, '2025-09-13')).toEqual([]);
    expect(remindersDue(item, calendar, '2025-09-15')).toMatchObject([{ kind: 'overdue', workingDaysOverdue: 1, daysOverdue: 3 }]);
  });

  it('none while the office has the item, none once it is finished', () => {
    for (const status of ['submitted', 'explanation_submitted', 'closed', 'explained', 'cancelled'] as const) {
      expect(remindersDue(itemIn(status), calendar, '2025-09-11'), status).toEqual([]);
      expect(remindersDue(itemIn(status), calendar, '2025-09-16'), status).toEqual([]);
    }
    expect(remindersDue(itemIn('returned'), calendar, '2025-09-16')).toHaveLength(1);
  });

  it('refuses a bad repeat interval', () => {
    expect(() => remindersDue(open(), calendar, '2025-09-16', [2], { overdueEvery: 0 })).toThrow(RangeError);
  });
});

describe('overdue counted in working days, as deadlines are', () => {
  it('skips weekends and the National Day holiday (2025-10-01…08, 调休 on 09-28 and 10-11)', () => {
    // due Monday 2025-09-15: Tuesday is 1 working day over; Saturday 09-20 is still 4 (calendar days 5).
    expect(workingDaysOverdue(calendar, open(), '2025-09-16')).toBe(1);
    expect(workingDaysOverdue(calendar, open(), '2025-09-20')).toBe(4);
    expect(daysOverdue(open(), '2025-09-20')).toBe(5);
    // Through the holiday: 09-16…09-30 has 12 working days including the 调休 Sunday 09-28; 10-01…10-08 adds none.
    expect(workingDaysOverdue(calendar, open(), '2025-10-08')).toBe(12);
    expect(daysOverdue(open(), '2025-10-08')).toBe(23);
  });

  it('is 0 when not overdue or not open', () => {
    expect(workingDaysOverdue(calendar, open(), '2025-09-15')).toBe(0);
    expect(workingDaysOverdue(calendar, { ...open(), status: 'closed' }, '2025-10-08')).toBe(0);
  });
});
