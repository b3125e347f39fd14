// Sign-in throttle. Every attempt is counted BEFORE its password is checked, so attempts still in
// flight count too (a batch or 200 parallel requests cannot all be checked). Three keys, each with
// a progressive delay (domain/security/login-delay.ts):
//   pair  — this account from this address: a guesser slows down fast;
//   acct  — this account from anywhere: a distributed guesser is slowed, but only to one attempt a
//           minute, so an attacker cannot lock the real user out for long;
//   addr  — this address, any account: one address spraying many usernames.
// State lives in the database (login_throttle), so several server processes share it and a
// restart forgets nothing; rows quiet for a day are deleted, which bounds the table.
import { delayAfterAttempts, type DelayPolicy } from '@kaoping/domain/security/login-delay';
import type { Db } from '@kaoping/db/connect';
import {
  compareAndSetThrottleRow,
  deleteThrottleRows,
  findThrottleRows,
  insertThrottleRow,
  pruneThrottleRows,
  refundThrottleAttempt,
  type ThrottleRow,
} from '@kaoping/db/security/login-throttle.repository';

export interface ThrottlePolicy {
  pair: DelayPolicy;
  account: DelayPolicy;
  address: DelayPolicy;
  /** After this long without attempts a key starts again from zero. */
  quietMs: number;
  /** Rows quiet this long are deleted. */
  forgetMs: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  pair: { freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 },
  account: { freeAttempts: 10, baseDelayMs: 1000, maxDelayMs: 60_000 },
  address: { freeAttempts: 10, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 },
  quietMs: 60 * 60_000,
  forgetMs: 24 * 60 * 60_000,
};

export type Reservation = { ok: true; keys: { pair: string; account: string; address: string } } | { ok: false; retryAfterMs: number };

const iso = (ms: number) => new Date(ms).toISOString();

export class LoginRateLimiter {
  readonly policy: ThrottlePolicy;

  constructor(policy: Partial<ThrottlePolicy> = {}) {
    this.policy = { ...DEFAULT_THROTTLE_POLICY, ...policy };
  }

  private keysOf(ip: string, username: string) {
    const user = username.trim().toLowerCase();
    return { pair: `pair:${user}|${ip}`, account: `acct:${user}`, address: `addr:${ip}` };
  }

  /**
   * Takes one attempt on every key, or refuses without counting when any key must still wait.
   * Concurrent attempts race on compare-and-set; a loser is refused (it may retry in a moment).
   */
  async reserve(db: Db, ip: string, username: string, nowMs: number): Promise<Reservation> {
    const keys = this.keysOf(ip, username);
    const policies: [string, DelayPolicy][] = [
      [keys.pair, this.policy.pair],
      [keys.account, this.policy.account],
      [keys.address, this.policy.address],
    ];
    await pruneThrottleRows(db, iso(nowMs - this.policy.forgetMs));
    const rows = await findThrottleRows(
      db,
      policies.map(([k]) => k),
    );
    const now = iso(nowMs);
    let wait = 0;
    for (const [key] of policies) {
      const row = rows.get(key);
      if (row && !this.isQuiet(row, nowMs) && row.nextAllowedAt > now) wait = Math.max(wait, Date.parse(row.nextAllowedAt) - nowMs);
    }
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    for (const [key, policy] of policies) {
      const row = rows.get(key);
      const attempts = (row && !this.isQuiet(row, nowMs) ? row.attempts : 0) + 1;
      const next: ThrottleRow = { key, attempts, lastAttemptAt: now, nextAllowedAt: iso(nowMs + delayAfterAttempts(attempts, policy)) };
      const taken = row ? await compareAndSetThrottleRow(db, row, next) : await insertThrottleRow(db, next);
      // Another attempt on this key landed in between: it counts, this one waits.
      if (!taken) return { ok: false, retryAfterMs: 1000 };
    }
    return { ok: true, keys };
  }

  /** The password was right: the account starts afresh and the address gets its attempt back. */
  async succeeded(db: Db, reservation: Extract<Reservation, { ok: true }>): Promise<void> {
    await deleteThrottleRows(db, [reservation.keys.pair, reservation.keys.account]);
    await refundThrottleAttempt(db, reservation.keys.address);
  }

  private isQuiet(row: ThrottleRow, nowMs: number): boolean {
    return nowMs - Date.parse(row.lastAttemptAt) >= this.policy.quietMs;
  }
}
