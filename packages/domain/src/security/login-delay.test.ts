import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delayAfterAttempts, maxAttemptsWithin, type DelayPolicy } from './login-delay';

const pair: DelayPolicy = { freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 };

describe('progressive sign-in delay', () => {
  it('golden: free attempts, then doubling up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 13, 14, 100].map((n) => delayAfterAttempts(n, pair))).toEqual([
      0, 0, 1000, 2000, 4000, 8000, 900_000, 900_000, 900_000,
    ]);
  });

  it('golden: a guesser gets few attempts a day from one address', () => {
    // 3 free, 1+2+…+512 s of waiting for the next 10, then one per 15 minutes.
    expect(maxAttemptsWithin(24 * 3600_000, pair)).toBeLessThan(110);
  });

  it('never decreases with more attempts and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 3_600_000 }),
        (n, free, base, cap) => {
          const policy = { freeAttempts: free, baseDelayMs: base, maxDelayMs: cap };
          const a = delayAfterAttempts(n, policy);
          const b = delayAfterAttempts(n + 1, policy);
          return a <= b && b <= Math.max(cap, 0) && Number.isFinite(b);
        },
      ),
    );
  });
});
