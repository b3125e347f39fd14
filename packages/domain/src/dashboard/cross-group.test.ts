import { describe, expect, it } from 'vitest';
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
