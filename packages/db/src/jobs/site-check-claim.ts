// The site-check worker's claim of a queued run: one conditional update, so two workers (two
// server processes, or an old leader that has not yet noticed it lost its lease) never start the
// same run. On PostgreSQL the loser of a race waits for the row lock, re-checks `status = 'queued'`
// on the winner's row and updates nothing; SQLite runs one writer at a time.
import type { Db } from '../connect';

/** Marks the oldest queued run as running and returns its id; null when none is queued or another worker took it first. */
export async function claimNextQueuedRun(db: Db, at: string): Promise<number | null> {
  const claimed = await db
    .updateTable('site_check_runs')
    .set({ status: 'running', started_at: at })
    .where('status', '=', 'queued')
    .where('id', '=', (eb) =>
      eb
        .selectFrom('site_check_runs')
        .select((s) => s.fn.min('id').as('id'))
        .where('status', '=', 'queued'),
    )
    .returning('id')
    .executeTakeFirst();
  return claimed ? Number(claimed.id) : null;
}
