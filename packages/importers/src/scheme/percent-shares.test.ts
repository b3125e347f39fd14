import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharesOfParent } from './percent-shares';

describe('sharing a parent’s points by percentages', () => {
  it('golden: 40 points by 70 % and 30 %; 2.8 points by thirds written 33.3 %, 33.3 %, 33.4 %; 10 points by 3 × 33.333 % + 0.001 %', () => {
    expect(sharesOfParent(40_000, [70_000, 30_000])).toEqual({ shares: [28_000, 12_000], rounded: [false, false] });
    // 932.4 + 932.4 + 935.2 thousandths: rounded down to 932, 932, 935; the one left goes to the largest
    // remainder (0.4, the first of two).
    expect(sharesOfParent(2_800, [33_300, 33_300, 33_400])).toEqual({ shares: [933, 932, 935], rounded: [true, true, true] });
    expect(sharesOfParent(10_000, [33_333, 33_333, 33_333, 1]).shares).toEqual([3_334, 3_333, 3_333, 0]);
  });

  it('property: the shares add up to the parent and each is its exact share rounded down or up', () => {
    const percents = fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 12 }).map((weights) => {
      // Scale arbitrary weights to percentages (thousandths) adding up to exactly 100 000.
      const total = weights.reduce((s, w) => s + w, 0);
      const scaled = weights.map((w) => Math.floor((w * 100_000) / total));
      scaled[0] = (scaled[0] ?? 0) + 100_000 - scaled.reduce((s, w) => s + w, 0);
      return scaled;
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), percents, (parent, pcts) => {
        const { shares } = sharesOfParent(parent, pcts);
        expect(shares.reduce((s, x) => s + x, 0)).toBe(parent);
        shares.forEach((share, i) => {
          const exact = (parent * (pcts[i] ?? 0)) / 100_000;
          expect(share === Math.floor(exact) || share === Math.ceil(exact)).toBe(true);
        });
      }),
    );
  });
});
