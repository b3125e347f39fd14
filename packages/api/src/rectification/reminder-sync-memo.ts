import { LRUCache } from 'lru-cache';
import type { Db } from '@kaoping/db/connect';
import { readOfficeDataVersion } from '@kaoping/db/dashboard/database-version';
import { officeOf } from '@kaoping/db/offices/office-scope';

// `notifications.list` makes the due reminders on demand before listing (the bell must not wait for
// the hourly job). Making them reads the office's whole open ledger, so doing it on every page load
// cost 0.4–0.7 s on a 2,000-item ledger. Reminders depend on the open items (the office data version
// moves with every ledger change), the China day and the work calendar; the memo skips the sync while
// office, day and data version are unchanged, for at most a few minutes (calendar overrides and new
// liaisons are not in the version: the hourly job and the expiry catch them). Another server process
// may sync again: the inserts are idempotent.
const SYNC_MEMO_TTL_MS = 5 * 60_000;
// Per handle (scopeToOffice returns one handle object per database and office), so two databases in
// one process (tests) never share an entry.
const memos = new WeakMap<Db, LRUCache<string, true>>();

/** Runs `sync` unless it already ran for this office, day and data version within the last minutes. */
export async function syncRemindersOnce(
  db: Db,
  today: string,
  sync: () => Promise<unknown>,
  versionOf?: () => Promise<string | null>,
): Promise<boolean> {
  const version = versionOf ? await versionOf() : await readOfficeDataVersion(db);
  if (version === null || officeOf(db) === null) {
    await sync();
    return true;
  }
  let synced = memos.get(db);
  if (!synced) memos.set(db, (synced = new LRUCache<string, true>({ max: 100, ttl: SYNC_MEMO_TTL_MS })));
  const key = `${today}|${version}`;
  if (synced.has(key)) return false;
  await sync();
  synced.set(key, true);
  return true;
}
