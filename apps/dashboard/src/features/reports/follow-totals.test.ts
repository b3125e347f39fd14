import { describe, expect, it } from 'vitest';
import { emptyReportCells, templateCellKeys } from '@kaoping/domain/annual-report/template';
import { checkReport } from '@kaoping/domain/annual-report/check-report';
import { type CellEdit, fillBlanksWithZero, fillDerivedTotals, totalKeysOf, typeCell } from './follow-totals';

const format = 2021 as const;
const templateKeys = new Set(templateCellKeys(format));
const totalKeys = totalKeysOf(format, templateKeys);

describe('totals the person has not typed follow their parts', () => {
  it('after 空白填0, typing 12 into 本年新收·自然人 moves the totals and leaves no H2 error', () => {
    let state = fillBlanksWithZero({ cells: emptyReportCells(format), automatic: new Set() }, format, templateKeys, totalKeys);
    expect(state.cells['apply.new.total']).toBe(0);
    state = typeCell(state, format, 'apply.new.natural', 12);
    expect(state.cells['apply.new.total']).toBe(12);
    const h2 = checkReport({ year: 2025, format, cells: state.cells, unresolved: [] }).filter(
      (c) => c.rule === 'H2' && c.severity === 'error',
    );
    expect(h2).toEqual([]);
  });

  it('a total the person typed is theirs: it does not move', () => {
    let state = fillBlanksWithZero({ cells: emptyReportCells(format), automatic: new Set() }, format, templateKeys, totalKeys);
    state = typeCell(state, format, 'apply.new.total', 5);
    state = typeCell(state, format, 'apply.new.natural', 12);
    expect(state.cells['apply.new.total']).toBe(5);
  });

  it('自动填写合计 fills the offered totals, which then follow', () => {
    let state: CellEdit = {
      cells: { ...emptyReportCells(format), 'review.upheld': 1, 'review.corrected': 2, 'review.other': 0, 'review.pending': 0 },
      automatic: new Set<string>(),
    };
    state = fillDerivedTotals(state, format, { 'review.total': 3 });
    state = typeCell(state, format, 'review.upheld', 4);
    expect(state.cells['review.total']).toBe(6);
    // A part cleared: the total cannot be known, so it becomes blank rather than stale.
    state = typeCell(state, format, 'review.upheld', null);
    expect(state.cells['review.total']).toBeNull();
  });

  it('the total keys include every H2 row total and the 四 totals', () => {
    expect(totalKeys.has('apply.new.total')).toBe(true);
    expect(totalKeys.has('review.total')).toBe(true);
    expect(totalKeys.has('apply.new.natural')).toBe(false);
  });
});
