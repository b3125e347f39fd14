import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { isPostgres, withIdColumn } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
// The office (政务公开办) that owns the data: a city office, or a province office reading its cities.
// One row exists from the start (id 1) so a single-office deployment needs no setup beyond its name;
// `set_up_at` stays null until an admin has confirmed the office's details (the first-run setup).
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('offices'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('region_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('city'))
    .addColumn('parent_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('set_up_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto('offices')
    .values({
      id: 1,
      code: 'default',
      name: '政务公开办公室',
      short_name: '政务公开办',
      region_name: '',
      kind: 'city',
      parent_id: null,
      set_up_at: null,
      created_at: new Date().toISOString(),
      version: 1,
    })
    .execute();
  // An explicit id does not advance PostgreSQL's identity sequence; the next office must get 2.
  if (isPostgres(db)) await sql`select setval(pg_get_serial_sequence('offices', 'id'), 1)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('offices').execute();
}
