import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMicro,
  formatMilli,
  numberToMilli,
  parseMilli,
  roundHundredThousandthsToHundredths,
  roundMicroRatioToHundredths,
} from './decimal';

describe('exact decimals', () => {
  it('parses decimals with at most 3 places into thousandths', () => {
    expect([parseMilli('13'), parseMilli('11.25'), parseMilli('0.5'), parseMilli('0.001'), parseMilli('100.000')]).toEqual([
      13000, 11250, 500, 1, 100000,
    ]);
    for (const bad of ['', '.5', '5.', '1.2345', '-1', '+1', '1e3', ' 1', '1,5', '0x10', '1234567890']) expect(parseMilli(bad)).toBeNull();
  });

  it('reads JSON numbers through their decimal text: 0.2 is exactly 200', () => {
    expect([numberToMilli(0.2), numberToMilli(0.1 + 0.2), numberToMilli(59), numberToMilli(-1), numberToMilli(1e-7)]).toEqual([
      200,
      null,
      59000,
      null,
      null,
    ]);
  });

  it('round-trips through its text (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (m) => {
        expect(parseMilli(formatMilli(m))).toBe(m);
      }),
    );
    expect(formatMicro(-5_000_000)).toBe('-5');
    expect(formatMicro(1_234_500)).toBe('1.2345');
  });

  it('rounds a rational half up to hundredths, once', () => {
    // 80.005 points = 80,005,000 millionths
    expect(roundMicroRatioToHundredths(80_005_000n, 1n)).toBe(8001);
    expect(roundMicroRatioToHundredths(80_004_999n, 1n)).toBe(8000);
    // 200/3 = 66.666… → 66.67
    expect(roundMicroRatioToHundredths(200_000_000n, 3n)).toBe(6667);
    expect(roundHundredThousandthsToHundredths(8_000_500)).toBe(8001);
    expect(roundHundredThousandthsToHundredths(8_000_499)).toBe(8000);
  });

  it('matches floor(x + ½) computed on exact rationals (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (num, den) => {
        const h = BigInt(roundMicroRatioToHundredths(num, den));
        // h/100 − ½/100 ≤ num/den/10⁶ < h/100 + ½/100
        expect(2n * num >= (2n * h - 1n) * den * 10_000n).toBe(true);
        expect(2n * num < (2n * h + 1n) * den * 10_000n).toBe(true);
      }),
    );
  });
});
