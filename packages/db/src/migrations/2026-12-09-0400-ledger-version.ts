import { sql, type Kysely } from 'kysely';
import { isPostgres } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
// The rectification ledger read from the office's data version (issue #14). A ledger page is a
// function of the office's items, their findings, units and groups (all versioned since
// 2026-12-09-0100-office-data-versions), the caller's scope, today's date and the office's work
// calendar, which was not versioned: calendar overrides now bump the version too, so the HTTP host
// can tag a ledger page before the work and send the same bytes again while nothing changed.
// And the page's order (period newest first, then code) gets an index led by the office, so a page
// is read from the index instead of sorting every item of the office.
const triggerName = (op: string) => `calendar_overrides_data_version_${op}`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index rectification_items_ledger_idx on rectification_items (office_id, period desc, code)`.execute(db);
  if (isPostgres(db)) {
    // The function of 2026-12-09-0100: deferred, once per transaction and office.
    await sql`create constraint trigger ${sql.id(triggerName('all'))} after insert or delete or update on calendar_overrides
      deferrable initially deferred for each row execute function kaoping_bump_office_data_version()`.execute(db);
    return;
  }
  const bump = (row: 'new' | 'old') =>
    sql.raw(`insert or ignore into office_data_versions (office_id, version) values (${row}.office_id, 0);
      update office_data_versions set version = version + 1 where office_id = ${row}.office_id;`);
  await sql`create trigger ${sql.id(triggerName('ins'))} after insert on calendar_overrides begin ${bump('new')} end`.execute(db);
  await sql`create trigger ${sql.id(triggerName('del'))} after delete on calendar_overrides begin ${bump('old')} end`.execute(db);
  await sql`create trigger ${sql.id(triggerName('upd'))} after update on calendar_overrides begin ${bump('new')} ${bump('old')} end`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`drop trigger ${sql.id(triggerName('all'))} on calendar_overrides`.execute(db);
  else for (const op of ['ins', 'del', 'upd']) await sql`drop trigger ${sql.id(triggerName(op))}`.execute(db);
  await sql`drop index rectification_items_ledger_idx`.execute(db);
}
