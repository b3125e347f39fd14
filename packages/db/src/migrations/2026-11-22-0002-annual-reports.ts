import type { Kysely } from 'kysely';
import { withIdColumn } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('annual_reports'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('format', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cells', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('import_meta', 'text')
    .addColumn('section_one', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('section_five', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('section_six', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'text')
    .addColumn('explanations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('correction_reason', 'text')
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer')
    .addColumn('submitted_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_by_name', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_unit_year_version_uq', ['unit_id', 'year', 'version_no'])
    .execute();
  await db.schema.createIndex('annual_reports_year_idx').on('annual_reports').columns(['year', 'status']).execute();

  await withIdColumn(db, db.schema.createTable('annual_report_events'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('annual_report_events_report_idx').on('annual_report_events').column('report_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('annual_report_events').execute();
  await db.schema.dropTable('annual_reports').execute();
}
