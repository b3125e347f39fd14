import { sql, type Kysely } from 'kysely';
import { isPostgres } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
// Per-office data version (issue #14): a counter the database itself bumps, in the writing
// transaction, whenever an office's rows that the dashboard answers read change: publications,
// a round's status/title (not its version, which every score entry bumps), units and groups,
// findings, the ledger and annual reports. Dashboard answers and their ETags are keyed by it, so a
// score entry or a session touch, or any write in another office, leaves them valid, while every
// writer (any server process, the CLI, a seeder) invalidates them through the database. Findings
// count only outside draft rounds (the dashboard reads published rounds; publishing bumps anyway),
// so an assessor's findings entry is score entry too.
// - SQLite: row triggers (writers are serialized, the counter row is cheap to update).
// - PostgreSQL: deferred constraint triggers, so the counter row is locked only at commit (no lock
//   held for the rest of the transaction, no deadlock against other rows), once per transaction
//   and office (a transaction-local setting remembers it).
export const VERSIONED_TABLES: readonly { table: string; updateOf?: readonly string[]; unlessDraftRound?: true }[] = [
  { table: 'assessment_publications' },
  { table: 'assessment_rounds', updateOf: ['status', 'title', 'period_code', 'kind', 'scheme_id'] },
  { table: 'units' },
  { table: 'groups' },
  { table: 'unit_groups' },
  { table: 'findings', unlessDraftRound: true },
  { table: 'rectification_items' },
  { table: 'rectification_item_findings' },
  { table: 'annual_reports' },
];

const triggerName = (table: string, op: string) => `${table}_data_version_${op}`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_data_versions')
    .addColumn('office_id', 'integer', (c) => c.notNull().primaryKey().references('offices.id'))
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into office_data_versions (office_id, version) select id, 0 from offices`.execute(db);

  if (isPostgres(db)) {
    await sql`create function kaoping_bump_office_data_version_of(office integer) returns void language plpgsql as $$
      begin
        if coalesce(current_setting('kaoping.data_version_' || office, true), '') = '1' then return; end if;
        perform set_config('kaoping.data_version_' || office, '1', true);
        insert into office_data_versions (office_id, version) values (office, 1)
          on conflict (office_id) do update set version = office_data_versions.version + 1;
      end $$`.execute(db);
    await sql`create function kaoping_bump_office_data_version() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then perform kaoping_bump_office_data_version_of(old.office_id);
        else perform kaoping_bump_office_data_version_of(new.office_id); end if;
        return null;
      end $$`.execute(db);
    await sql`create function kaoping_bump_office_data_version_unless_draft() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'DELETE' and exists (select 1 from assessment_rounds where id = new.round_id and status <> 'draft') then
          perform kaoping_bump_office_data_version_of(new.office_id);
        end if;
        if tg_op <> 'INSERT' and exists (select 1 from assessment_rounds where id = old.round_id and status <> 'draft') then
          perform kaoping_bump_office_data_version_of(old.office_id);
        end if;
        return null;
      end $$`.execute(db);
    for (const { table, updateOf, unlessDraftRound } of VERSIONED_TABLES) {
      const events = updateOf ? sql.raw(`insert or delete or update of ${updateOf.join(', ')}`) : sql.raw('insert or delete or update');
      const fn = sql.raw(unlessDraftRound ? 'kaoping_bump_office_data_version_unless_draft' : 'kaoping_bump_office_data_version');
      await sql`create constraint trigger ${sql.id(triggerName(table, 'all'))} after ${events} on ${sql.table(table)}
        deferrable initially deferred for each row execute function ${fn}()`.execute(db);
    }
    return;
  }
  const bump = (row: 'new' | 'old') =>
    sql.raw(`insert or ignore into office_data_versions (office_id, version) values (${row}.office_id, 0);
      update office_data_versions set version = version + 1 where office_id = ${row}.office_id;`);
  const notDraft = (row: 'new' | 'old') => `exists (select 1 from assessment_rounds where id = ${row}.round_id and status <> 'draft')`;
  for (const { table, updateOf, unlessDraftRound } of VERSIONED_TABLES) {
    const t = sql.table(table);
    const when = (cond: string) => sql.raw(unlessDraftRound ? ` when ${cond}` : '');
    await sql`create trigger ${sql.id(triggerName(table, 'ins'))} after insert on ${t}${when(notDraft('new'))} begin ${bump('new')} end`.execute(
      db,
    );
    await sql`create trigger ${sql.id(triggerName(table, 'del'))} after delete on ${t}${when(notDraft('old'))} begin ${bump('old')} end`.execute(
      db,
    );
    const of = updateOf ? sql.raw(` of ${updateOf.join(', ')}`) : sql.raw('');
    const either = `(${notDraft('new')} or ${notDraft('old')})`;
    await sql`create trigger ${sql.id(triggerName(table, 'upd'))} after update${of} on ${t}${when(either)} begin ${bump('new')} ${bump('old')} end`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const { table } of VERSIONED_TABLES)
      await sql`drop trigger ${sql.id(triggerName(table, 'all'))} on ${sql.table(table)}`.execute(db);
    await sql`drop function kaoping_bump_office_data_version_unless_draft()`.execute(db);
    await sql`drop function kaoping_bump_office_data_version()`.execute(db);
    await sql`drop function kaoping_bump_office_data_version_of(integer)`.execute(db);
  } else {
    for (const { table } of VERSIONED_TABLES)
      for (const op of ['ins', 'del', 'upd']) await sql`drop trigger ${sql.id(triggerName(table, op))}`.execute(db);
  }
  await db.schema.dropTable('office_data_versions').execute();
}
