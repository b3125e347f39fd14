import { describe, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from './china-date';
import {
  addWorkingDays,
  createWorkCalendar,
  isWorkingDay,
  subtractWorkingDays,
  workingDaysBetween,
  type CalendarOverride,
} from './work-calendar';

const cal = createWorkCalendar();

// Dates from 2003 (before the data) to 2028 (after it), so the fallback is exercised too.
const dateArb = fc.integer({ min: toDayNumber('2003-01-01'), max: toDayNumber('2028-12-31') }).map(fromDayNumber);
const nArb = fc.integer({ min: 1, max: 60 });

const overridesArb = fc
  .uniqueArray(
    fc.record({
      day: fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2026-12-31') }),
      kind: fc.constantFrom<CalendarOverride['kind']>('holiday', 'workday'),
    }),
    { selector: (o) => o.day, maxLength: 40 },
  )
  .map((list) => list.map((o) => ({ date: fromDayNumber(o.day), kind: o.kind })));

describe('working-day arithmetic (properties)', () => {
  it('adding N working days lands on a working day strictly after the start', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        const r = addWorkingDays(cal, d, n);
        return isWorkingDay(cal, r) && r > d;
      }),
    );
  });

  it('adding a then b working days equals adding a + b', () => {
    fc.assert(
      fc.property(dateArb, nArb, nArb, (d, a, b) => addWorkingDays(cal, d, a + b) === addWorkingDays(cal, addWorkingDays(cal, d, a), b)),
    );
  });

  it('workingDaysBetween counts exactly what addWorkingDays added', () => {
    fc.assert(fc.property(dateArb, nArb, (d, n) => workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n));
  });

  it('workingDaysBetween is consistent with addWorkingDays for any pair of dates', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 120 }), (from, span) => {
        const to = fromDayNumber(toDayNumber(from) + span);
        const k = workingDaysBetween(cal, from, to);
        if (workingDaysBetween(cal, to, from) !== -k) return false;
        if (k === 0) return to === from || addWorkingDays(cal, from, 1) > to;
        // the k-th working day after `from` is on or before `to`, the (k+1)-th is after it
        return addWorkingDays(cal, from, k) <= to && addWorkingDays(cal, from, k + 1) > to;
      }),
    );
  });

  it('subtracting undoes adding when the start is a working day', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        fc.pre(isWorkingDay(cal, d));
        return subtractWorkingDays(cal, addWorkingDays(cal, d, n), n) === d;
      }),
    );
  });

  it('overrides always win over the package data, and only their own dates change', () => {
    fc.assert(
      fc.property(overridesArb, dateArb, (overrides, probe) => {
        const edited = createWorkCalendar(overrides);
        for (const o of overrides) if (isWorkingDay(edited, o.date) !== (o.kind === 'workday')) return false;
        const overridden = overrides.some((o) => o.date === probe);
        return overridden || isWorkingDay(edited, probe) === isWorkingDay(cal, probe);
      }),
    );
  });

  it('the properties hold on an edited calendar too', () => {
    fc.assert(
      fc.property(overridesArb, dateArb, nArb, nArb, (overrides, d, a, b) => {
        const edited = createWorkCalendar(overrides);
        const r = addWorkingDays(edited, d, a + b);
        return (
          isWorkingDay(edited, r) &&
          r > d &&
          r === addWorkingDays(edited, addWorkingDays(edited, d, a), b) &&
          workingDaysBetween(edited, d, r) === a + b
        );
      }),
      { numRuns: 50 },
    );
  });
});
