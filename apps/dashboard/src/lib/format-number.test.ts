import { describe, expect, it } from 'vitest';
import { formatPercent, formatPoints, formatRatio, formatScore } from './format-number';

describe('number formats', () => {
  it('shows scores with two decimals', () => {
    expect(formatScore(85.5)).toBe('85.50');
    expect(formatScore(100)).toBe('100.00');
    expect(formatScore(0)).toBe('0.00');
  });

  it('shows points with at most three places and no trailing zeros', () => {
    expect(formatPoints(8)).toBe('8');
    expect(formatPoints(2.5)).toBe('2.5');
    expect(formatPoints(84.9749999)).toBe('84.975');
  });

  it('percent takes 0–100, ratio takes 0–1, both with one decimal', () => {
    expect(formatPercent(87.5)).toBe('87.5%');
    expect(formatRatio(0.875)).toBe('87.5%');
    expect(formatRatio(1)).toBe('100.0%');
  });

  it('shows every missing or non-finite value as a dash', () => {
    for (const f of [formatScore, formatPoints, formatPercent, formatRatio]) {
      for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(f(v)).toBe('—');
    }
  });
});
