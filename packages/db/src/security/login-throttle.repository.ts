// Sign-in throttle rows. Updates are compare-and-set on (attempts, last_attempt_at), so two
// processes (or two concurrent requests) can never both take the same free attempt.
import type { Db } from '../connect';

export interface ThrottleRow {
  key: string;
  attempts: number;
  lastAttemptAt: string;
  nextAllowedAt: string;
}

export async function findThrottleRows(db: Db, keys: readonly string[]): Promise<Map<string, ThrottleRow>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_throttle')
    .selectAll()
    .where('key', 'in', [...keys])
    .execute();
  return new Map(
    rows.map((r) => [
      r.key,
      { key: r.key, attempts: Number(r.attempts), lastAttemptAt: r.last_attempt_at, nextAllowedAt: r.next_allowed_at },
    ]),
  );
}

/** Inserts the first attempt of a key; false when another request inserted it first. */
export async function insertThrottleRow(db: Db, row: ThrottleRow): Promise<boolean> {
  const result = await db
    .insertInto('login_throttle')
    .values({ key: row.key, attempts: row.attempts, last_attempt_at: row.lastAttemptAt, next_allowed_at: row.nextAllowedAt })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Replaces `expected` by `next`; false when the row changed in between (another attempt won). */
export async function compareAndSetThrottleRow(db: Db, expected: ThrottleRow, next: ThrottleRow): Promise<boolean> {
  const result = await db
    .updateTable('login_throttle')
    .set({ attempts: next.attempts, last_attempt_at: next.lastAttemptAt, next_allowed_at: next.nextAllowedAt })
    .where('key', '=', expected.key)
    .where('attempts', '=', expected.attempts)
    .where('last_attempt_at', '=', expected.lastAttemptAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteThrottleRows(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length > 0)
    await db
      .deleteFrom('login_throttle')
      .where('key', 'in', [...keys])
      .execute();
}

/** Gives back one attempt (a successful sign-in does not count against its address). */
export async function refundThrottleAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('key', '=', key)
    .where('attempts', '>', 0)
    .execute();
}

/** Forgets keys quiet since `before`: memory (rows) stays bounded by recent activity. */
export async function pruneThrottleRows(db: Db, before: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('last_attempt_at', '<', before).execute();
}
