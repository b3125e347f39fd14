import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageShare, percentilesInGroup, shareOf, standardScore } from './cross-group';

describe('cross-group figures', () => {
  it('gives percentiles within a group with shared values for ties, in one pass', () => {
    // Tied first places: two of the three others are ranked worse.
    expect(percentilesInGroup([1, 1, 3, 4, null])).toEqual([66.7, 66.7, 33.3, 0, null]);
    expect(percentilesInGroup([1])).toEqual([100]);
    const big = percentilesInGroup(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect([big[0], big[1499], big[2999]]).toEqual([100, 50, 0]);
  });

  it('gives a standard score only when the group spreads', () => {
    expect(standardScore(101, { average: 85.5, sd: 16.39 })).toBe(0.95);
    expect(standardScore(80, { average: 80, sd: 0 })).toBeNull();
    expect(standardScore(null, { average: 80, sd: 2 })).toBeNull();
  });

  it('gives shares of applicable points and their mean, none when nothing applies', () => {
    expect(shareOf(7.5, 10)).toBe(75);
    expect(shareOf(2, 3)).toBe(66.7);
    expect(shareOf(5, 0)).toBeNull();
    expect(averageShare([75, null, 66.7])).toBe(70.9);
    expect(averageShare([null])).toBeNull();
  });
});

describe('percentiles within a group (properties)', () => {
  it('stay within 0–100, give equal ranks equal values and never rise as the rank worsens', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }), { maxLength: 60 }), (ranks) => {
        const out = percentilesInGroup(ranks);
        expect(out).toHaveLength(ranks.length);
        const pairs = ranks.flatMap((r, i) => (r === null ? [] : [[r, out[i] ?? -1] as const]));
        for (const [i, r] of ranks.entries()) if (r === null) expect(out[i]).toBeNull();
        for (const [, p] of pairs) expect(p >= 0 && p <= 100).toBe(true);
        for (const [r1, p1] of pairs)
          for (const [r2, p2] of pairs)
            if (r1 === r2) expect(p1).toBe(p2);
            else if (r1 < r2) expect(p1).toBeGreaterThanOrEqual(p2);
      }),
    );
  });
});
