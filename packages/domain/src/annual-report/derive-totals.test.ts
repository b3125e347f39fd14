import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveTotals } from './derive-totals';
import { generateReport } from './generate-report';

describe('deriveTotals', () => {
  it('recomputes every total of a valid report from its parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom(2021 as const, 2019 as const), (seed, format) => {
        const r = generateReport({ seed, format });
        const parts = { ...r.cells };
        for (const k of Object.keys(parts)) if (k.endsWith('.total') || k.startsWith('apply.result.total.')) parts[k] = null;
        const derived = deriveTotals(parts, format);
        for (const [k, v] of Object.entries(r.cells))
          if (v !== null && (k.endsWith('.total') || k.startsWith('apply.result.total.'))) expect(derived[k], k).toBe(v);
      }),
      { numRuns: 100 },
    );
  });

  it('offers subtotals the format does not print, and nothing with a blank input', () => {
    const cells = {
      'apply.result.deny.state_secret.natural': 1,
      'apply.result.deny.state_secret.commercial': 2,
      'review.upheld': 1,
      'review.corrected': null,
    };
    const derived = deriveTotals(cells, 2021);
    expect(derived['apply.result.deny.state_secret.total']).toBeUndefined();
    expect(derived['review.total']).toBeUndefined();
    const running = deriveTotals(cells, 2021, { blankAsZero: true });
    expect(running['apply.result.deny.state_secret.total']).toBe(3);
    expect(running['apply.result.deny.state_secret.org_sum']).toBe(2);
    expect(running['apply.result.deny.sum.natural']).toBe(1);
    expect(running['apply.result.total.commercial']).toBe(2);
    expect(running['review.total']).toBe(1);
  });
});
