// The office's data version (issue #14): a counter that triggers bump in every transaction that
// changes what the dashboard answers read for that office (publications and round status, units
// and groups, findings, the ledger, annual reports: migration 2026-12-09-0100-office-data-versions;
// calendar overrides, which move the ledger's deadlines: 2026-12-09-0400-ledger-version).
// Read before a computation, it keys cached answers and ETags: it never stays the same across a
// committed change of those rows, from any process (the counter lives in the database); score
// entry, session touches and every write of another office leave it alone.
// Null when it cannot be read (a handle without an office): then nothing is kept.
import { sql } from 'kysely';
import type { Db } from '../connect';

/** The version of the office `db` is scoped to ('0' before its first versioned write). */
export async function readOfficeDataVersion(db: Db): Promise<string | null> {
  try {
    const row = await db
      .selectFrom('office_data_versions')
      .select(sql<string>`cast(version as text)`.as('version'))
      .executeTakeFirst();
    return row ? String(row.version) : '0';
  } catch {
    return null;
  }
}
