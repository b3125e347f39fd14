import { describe, expect, it } from 'vitest';
import { median, rectificationFigures, rectificationFiguresByUnit, type FigureItem } from './rectification-figures';

const base: FigureItem = {
  unitId: 1,
  status: 'in_progress',
  issuedOn: '2025-09-01',
  dueDate: '2025-09-15',
  closedOn: null,
  firstSubmittedOn: null,
  recheckFailCount: 0,
  explanationRejectCount: 0,
  carriedOver: false,
};
const row = (over: Partial<FigureItem>): FigureItem => ({ ...base, ...over });

const TODAY = '2025-10-10';
const items: FigureItem[] = [
  // unit 1: closed on time (9 days), closed late after two failed re-checks (19 days)
  row({ unitId: 1, status: 'closed', closedOn: '2025-09-10', firstSubmittedOn: '2025-09-08' }),
  row({ unitId: 1, status: 'closed', closedOn: '2025-09-20', firstSubmittedOn: '2025-09-05', recheckFailCount: 2 }),
  // unit 2: explanation accepted on time after one rejection (7 days); two overdue, never reported back
  row({
    unitId: 2,
    status: 'explained',
    issuedOn: '2025-09-05',
    closedOn: '2025-09-12',
    firstSubmittedOn: '2025-09-06',
    explanationRejectCount: 1,
  }),
  row({ unitId: 2, status: 'in_progress' }),
  row({ unitId: 2, status: 'acknowledged', dueDate: '2025-09-30' }),
  // unit 3: submitted before due, not re-checked yet (overdue, but reported back); not yet due; cancelled
  row({ unitId: 3, status: 'submitted', firstSubmittedOn: '2025-09-14' }),
  row({ unitId: 3, status: 'acknowledged', dueDate: '2025-10-31' }),
  row({ unitId: 3, status: 'cancelled', recheckFailCount: 1 }),
  // unit 4: returned at re-check, carried over
  row({ unitId: 4, status: 'returned', firstSubmittedOn: '2025-09-12', recheckFailCount: 1, carriedOver: true }),
  // unit 5: never acknowledged
  row({ unitId: 5, status: 'issued' }),
];

describe('rectification figures', () => {
  it('counts a mixed ledger exactly', () => {
    expect(rectificationFigures(items, TODAY)).toEqual({
      total: 10,
      counted: 9,
      open: 6,
      overdue: 5,
      awaitingUnit: 5,
      awaitingOffice: 1,
      closed: 2,
      explained: 1,
      cancelled: 1,
      carriedOver: 1,
      closedOnTime: 2,
      closedLate: 1,
      // resolved on time / (resolved + open past due) = 2 / (3 + 5)
      onTimeClosureRate: { numerator: 2, denominator: 8, value: 0.25 },
      medianDaysToClose: 9,
      returnedAtRecheck: 3, // cancelled items are left out
      explanationsRejected: 1,
      unitsNotReportedBack: [
        { unitId: 2, items: 2 },
        { unitId: 5, items: 1 },
      ],
    });
  });

  it('is "as of" today: before the due dates nothing is overdue', () => {
    const f = rectificationFigures(items, '2025-09-15');
    expect(f.overdue).toBe(0);
    expect(f.unitsNotReportedBack).toEqual([]);
    // unit 1's late closure happened after this day in reality; the figures take items as given
    expect(f.onTimeClosureRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });

  it('handles an empty set', () => {
    const f = rectificationFigures([], TODAY);
    expect(f.total).toBe(0);
    expect(f.onTimeClosureRate).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(f.medianDaysToClose).toBeNull();
  });

  it('per unit', () => {
    const byUnit = rectificationFiguresByUnit(items, TODAY);
    expect([...byUnit.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(byUnit.get(1)).toMatchObject({ closed: 2, closedOnTime: 1, closedLate: 1, returnedAtRecheck: 2, medianDaysToClose: 14 });
    expect(byUnit.get(3)).toMatchObject({ open: 2, overdue: 1, awaitingOffice: 1, cancelled: 1, unitsNotReportedBack: [] });
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });
});
