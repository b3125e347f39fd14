import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateReports } from './aggregate-reports';
import { generateReport } from './generate-report';
import { checkHardRules } from './rules';

describe('aggregateReports', () => {
  it('sums cell by cell; the city-wide sum of valid reports is itself valid', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 12 }), (seeds) => {
        const reports = seeds.map((seed) => generateReport({ seed }));
        const sum = aggregateReports(reports);
        expect(sum.reportCount).toBe(seeds.length);
        expect(sum.cells['apply.new.total']).toBe(reports.reduce((s, r) => s + (r.cells['apply.new.total'] ?? 0), 0));
        expect(sum.incomplete).toEqual([]);
        expect(checkHardRules({ format: 2021, cells: sum.cells })).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('says which sums miss a report: blanks, unresolved cells, keys of the other format', () => {
    const a = generateReport({ seed: 1, format: 2021 });
    const b = generateReport({ seed: 2, format: 2019 });
    a.cells['review.total'] = null;
    const sum = aggregateReports([a, { ...b, unresolved: ['apply.new.natural'] }]);
    expect(sum.formats).toEqual({ 2021: 1, 2019: 1 });
    expect(sum.contributors['review.total']).toBe(1);
    expect(sum.cells['review.total']).toBe(b.cells['review.total']);
    expect(sum.cells['apply.new.natural']).toBe(a.cells['apply.new.natural']);
    expect(sum.incomplete).toEqual(
      expect.arrayContaining([
        'review.total',
        'apply.new.natural',
        'active.rules.issued',
        'active2019.rules.new_made',
        'apply.result.other.misc.total',
      ]),
    );
    // (六)其他处理 adds up across formats: 2021 sub-rows summed, 2019 single row.
    const other2021 = ['no_correction', 'fee_unpaid', 'misc'].reduce((s, r) => s + (a.cells[`apply.result.other.${r}.total`] ?? 0), 0);
    expect(sum.cells['apply.result.other.sum.total']).toBe(other2021 + (b.cells['apply.result.other.sum.total'] ?? 0));
    expect(sum.incomplete).not.toContain('apply.result.other.sum.total');
  });

  it('handles no reports', () => {
    expect(aggregateReports([])).toMatchObject({ reportCount: 0, incomplete: [] });
  });
});
