// Progressive sign-in delay: a few attempts are free, then each attempt doubles the wait before
// the next one, up to a cap. A person who mistypes waits seconds; a guesser gets a few per hour.

export interface DelayPolicy {
  /** Attempts accepted back to back before any wait. */
  freeAttempts: number;
  /** The wait after the first attempt past the free ones. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait required after the `attempts`-th attempt (counting it) before the next is accepted. */
export function delayAfterAttempts(attempts: number, policy: DelayPolicy): number {
  if (attempts < policy.freeAttempts) return 0;
  const doublings = attempts - policy.freeAttempts;
  // 2^31 ms is ~25 days: past any sensible cap, and safe from overflow to Infinity.
  if (doublings >= 31) return policy.maxDelayMs;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
}

/** Most attempts possible within `windowMs` when each waits as required (for docs and tests). */
export function maxAttemptsWithin(windowMs: number, policy: DelayPolicy): number {
  let elapsed = 0;
  let attempts = 0;
  for (;;) {
    attempts++;
    const wait = delayAfterAttempts(attempts, policy);
    if (elapsed + wait > windowMs) return attempts;
    elapsed += wait;
  }
}
