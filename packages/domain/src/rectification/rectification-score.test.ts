import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { periodDateRange, parsePeriod } from '../period/period';
import { fromDayNumber, toDayNumber } from '../calendar/china-date';
import {
  isLateForScoring,
  rectificationCountsForPeriod,
  toRectificationScoreRow,
  type RectificationCountable,
} from './rectification-score';
import { itemIn } from './rectification-test-fixtures';

// fixtures/scoring-example/rectifications.csv (copied: domain stays free of node:fs)
const CSV = `unit,period,item,due,closed,rejected
A02,2025Q3,ZG-001,2025-08-15,2025-08-20,1
A02,2025Q3,ZG-002,2025-09-10,2025-09-09,0
B202,2025Q3,ZG-003,2025-09-30,,0
A03,2025Q2,ZG-004,2025-06-30,2025-07-02,0`;

function csvRows(): RectificationCountable<string>[] {
  return CSV.split('\n')
    .slice(1)
    .map((line) => {
      const [unit = '', , , due = '', closed = '', rejected = '0'] = line.split(',');
      return { unitId: unit, dueDate: due, closedOn: closed === '' ? null : closed, recheckFailCount: Number(rejected) };
    });
}

function range(code: string) {
  const p = parsePeriod(code);
  if (!p) throw new Error(code);
  return periodDateRange(p);
}

describe('rectification leaf inputs (scoring.md: late and rejected)', () => {
  it('golden: the worked example, 2025Q3', () => {
    const counts = rectificationCountsForPeriod(csvRows(), range('2025Q3'));
    expect(Object.fromEntries(counts)).toEqual({
      // ZG-001 due 08-15 closed 08-20 → late, one failed re-check; ZG-002 closed the day before due → on time
      A02: { late: 1, rejected: 1, due: 2 },
      // ZG-003 due 09-30, still open at the quarter's end → late
      B202: { late: 1, rejected: 0, due: 1 },
    });
  });

  it('golden: the worked example, 2025Q2 (closed two days after a 06-30 due date)', () => {
    expect(Object.fromEntries(rectificationCountsForPeriod(csvRows(), range('2025Q2')))).toEqual({ A03: { late: 1, rejected: 0, due: 1 } });
  });

  it('counts an item only in the period its due date lies in (the year covers its quarters)', () => {
    expect(rectificationCountsForPeriod(csvRows(), range('2025Q4')).size).toBe(0);
    expect(Object.fromEntries(rectificationCountsForPeriod(csvRows(), range('2025')))).toEqual({
      A02: { late: 1, rejected: 1, due: 2 },
      B202: { late: 1, rejected: 0, due: 1 },
      A03: { late: 1, rejected: 0, due: 1 },
    });
  });

  it('closed on the due date is on time; cancelled items count for nothing', () => {
    const items: RectificationCountable<number>[] = [
      { unitId: 1, dueDate: '2025-09-10', closedOn: '2025-09-10', recheckFailCount: 2 },
      { unitId: 1, dueDate: '2025-09-10', closedOn: null, recheckFailCount: 3, status: 'cancelled' },
      { unitId: 1, dueDate: '2025-09-10', closedOn: '2025-09-09', recheckFailCount: 0, status: 'explained' },
    ];
    expect(rectificationCountsForPeriod(items, range('2025Q3')).get(1)).toEqual({ late: 0, rejected: 2, due: 2 });
  });

  it('a preview during the period (asOf) does not count open items that are not yet due', () => {
    const counts = rectificationCountsForPeriod(csvRows(), range('2025Q3'), { asOf: '2025-09-20' });
    expect(counts.get('B202')).toEqual({ late: 0, rejected: 0, due: 1 });
    expect(counts.get('A02')).toEqual({ late: 1, rejected: 1, due: 2 });
    expect(rectificationCountsForPeriod(csvRows(), range('2025Q3'), { asOf: '2025-10-01' }).get('B202')?.late).toBe(1);
  });

  it('late ⇔ not closed on or before the due date (property)', () => {
    const day = fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2025-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), (dueDate, closedOn) => {
        const late = isLateForScoring({ unitId: 1, dueDate, closedOn, recheckFailCount: 0 });
        return late === !(closedOn !== null && closedOn <= dueDate);
      }),
    );
  });

  it('summing per-quarter counts gives the year’s counts (property)', () => {
    const day = fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2025-12-31') }).map(fromDayNumber);
    const item = fc.record({
      unitId: fc.constantFrom('A01', 'A02', 'B101'),
      dueDate: day,
      closedOn: fc.option(day, { nil: null }),
      recheckFailCount: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const year = rectificationCountsForPeriod(items, range('2025'));
        const sum = new Map<string, { late: number; rejected: number; due: number }>();
        for (const q of ['2025Q1', '2025Q2', '2025Q3', '2025Q4']) {
          for (const [unit, c] of rectificationCountsForPeriod(items, range(q))) {
            const s = sum.get(unit) ?? { late: 0, rejected: 0, due: 0 };
            sum.set(unit, { late: s.late + c.late, rejected: s.rejected + c.rejected, due: s.due + c.due });
          }
        }
        expect(Object.fromEntries(sum)).toEqual(Object.fromEntries(year));
      }),
    );
  });

  it('writes ledger items as rectifications.csv rows (cancelled items are left out)', () => {
    const closed = { ...itemIn('closed'), code: 'ZG-001', dueDate: '2025-08-15', closedOn: '2025-08-20', recheckFailCount: 1 };
    expect(toRectificationScoreRow(closed, 'A02')).toEqual({
      unit: 'A02',
      period: '2025Q3',
      item: 'ZG-001',
      due: '2025-08-15',
      closed: '2025-08-20',
      rejected: 1,
    });
    expect(toRectificationScoreRow({ ...itemIn('in_progress'), dueDate: '2025-09-30' }, 'B202')).toMatchObject({
      period: '2025Q3',
      closed: null,
    });
    expect(toRectificationScoreRow(itemIn('cancelled'), 'A02')).toBeNull();
  });
});
