import { describe, expect, it } from 'vitest';
import { generateReport } from '../annual-report/generate-report';
import { checkHardRules } from '../annual-report/rules';
import { reportCellKeys } from '../annual-report/template';
import { adaptParsedCells } from './adapt-parsed-report';

describe('fitting parsed cells onto the report being filled', () => {
  it('fills the three (六) sub-rows with 0 only where the old single row is 0', () => {
    const cells: Record<string, number | null> = {
      'apply.result.other.sum.natural': 0,
      'apply.result.other.sum.total': 2,
      'apply.result.other.sum.commercial': null,
    };
    const adapted = adaptParsedCells(
      { format: 2019, cells, sources: { 'apply.result.other.sum.natural': { line: 9, text: '(六)其他处理' } }, unresolved: [] },
      2021,
    );
    expect(adapted.cells['apply.result.other.fee_unpaid.natural']).toBe(0);
    expect(adapted.sources['apply.result.other.misc.natural']).toEqual({ line: 9, text: '(六)其他处理' });
    expect(adapted.cells['apply.result.other.misc.total']).toBeNull();
    expect(adapted.cells['apply.result.other.misc.commercial']).toBeNull();
  });

  it('copies a report of the same format unchanged, with its sources', () => {
    const r = generateReport({ seed: 3, format: 2021 });
    const adapted = adaptParsedCells(
      {
        format: 2021,
        cells: r.cells,
        sources: { 'apply.new.total': { line: 57, text: '一、本年新收…' } },
        unresolved: ['review.total', 'nonsense'],
      },
      2021,
    );
    expect(adapted.cells).toEqual(r.cells);
    expect(adapted.sources).toEqual({ 'apply.new.total': { line: 57, text: '一、本年新收…' } });
    expect(adapted.unresolved).toEqual(['review.total']);
    expect(adapted.notes).toEqual([]);
  });

  it('maps a 2019 table onto a 2021 report: shared cells kept, 2021-only cells blank, (六) kept as a checked subtotal', () => {
    const old = generateReport({ seed: 5, format: 2019, unitKind: 'county_gov' });
    const adapted = adaptParsedCells({ format: 2019, cells: old.cells, sources: {}, unresolved: [] }, 2021);
    expect(adapted.cells['apply.new.total']).toBe(old.cells['apply.new.total']);
    expect(adapted.cells['review.total']).toBe(old.cells['review.total']);
    expect(adapted.cells['active.normative.issued']).toBeNull();
    expect(adapted.cells['active.licensing.decisions']).toBe(old.cells['active2019.licensing.decisions']);
    const otherTotal = old.cells['apply.result.other.sum.total'];
    expect(adapted.cells['apply.result.other.misc.total']).toBe(otherTotal === 0 ? 0 : null);
    expect(adapted.cells['apply.result.other.sum.total']).toBe(old.cells['apply.result.other.sum.total']);
    expect(Object.keys(adapted.cells).filter((k) => k.startsWith('active2019'))).toEqual([]);
    expect(reportCellKeys(2021).every((k) => k in adapted.cells)).toBe(true);
    expect(adapted.notes).toHaveLength(2);
    // Once the sub-rows are filled to match the old single row, the hard rules pass.
    const filled = { ...adapted.cells };
    for (const k of reportCellKeys(2021)) if (filled[k] === null) filled[k] = 0;
    for (const r of ['no_correction', 'fee_unpaid'])
      for (const c of ['natural', 'commercial', 'research', 'social', 'legal_service', 'other_org', 'total'])
        filled[`apply.result.other.${r}.${c}`] = 0;
    for (const c of ['natural', 'commercial', 'research', 'social', 'legal_service', 'other_org', 'total'])
      filled[`apply.result.other.misc.${c}`] = old.cells[`apply.result.other.sum.${c}`] ?? 0;
    expect(checkHardRules({ format: 2021, cells: filled })).toEqual([]);
  });
});
