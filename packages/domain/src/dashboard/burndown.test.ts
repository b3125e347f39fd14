import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/china-date';
import { burndownOf, weeklyDates } from './burndown';

describe('burn-down', () => {
  it('draws the burn-down from issue, due, closing and cancelling dates', () => {
    const items = [
      { status: 'closed', issuedOn: '2025-10-01', dueDate: '2025-10-15', closedOn: '2025-10-10', cancelledOn: null },
      { status: 'explained', issuedOn: '2025-10-01', dueDate: '2025-10-15', closedOn: '2025-10-20', cancelledOn: null },
      { status: 'in_progress', issuedOn: '2025-10-05', dueDate: '2025-10-12', closedOn: null, cancelledOn: null },
      { status: 'cancelled', issuedOn: '2025-10-01', dueDate: '2025-10-15', closedOn: null, cancelledOn: '2025-10-08' },
    ];
    expect(burndownOf(items, ['2025-09-30', '2025-10-01', '2025-10-08', '2025-10-13', '2025-10-20'])).toEqual([
      { date: '2025-09-30', open: 0, closed: 0, overdue: 0 },
      { date: '2025-10-01', open: 3, closed: 0, overdue: 0 },
      { date: '2025-10-08', open: 3, closed: 0, overdue: 0 },
      { date: '2025-10-13', open: 2, closed: 1, overdue: 1 },
      { date: '2025-10-20', open: 1, closed: 2, overdue: 1 },
    ]);
  });

  it('lists weekly dates ending today', () => {
    expect(weeklyDates('2025-10-01', '2025-10-20', addDays)).toEqual(['2025-10-01', '2025-10-08', '2025-10-15', '2025-10-20']);
    expect(weeklyDates('2025-10-21', '2025-10-20', addDays)).toEqual(['2025-10-20']);
  });
});
