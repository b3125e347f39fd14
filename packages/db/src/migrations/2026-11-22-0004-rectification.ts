import type { Kysely } from 'kysely';
import { isPostgres, withIdColumn } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('rectification_items'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('responsible_person', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_leader', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('due_rule', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_on', 'text')
    .addColumn('first_submitted_on', 'text')
    .addColumn('last_submitted_on', 'text')
    .addColumn('submission', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('recheck_fail_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('explanation_reject_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_on', 'text')
    .addColumn('cancelled_on', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('escalation_level', 'text')
    .addColumn('carried_into', 'text')
    .execute();
  await db.schema.createIndex('rectification_items_unit_idx').on('rectification_items').columns(['unit_id', 'period']).execute();
  await db.schema.createIndex('rectification_items_due_idx').on('rectification_items').columns(['status', 'due_date']).execute();

  // Links to the assessment area's findings (problem → order to fix it).
  await db.schema
    .createTable('rectification_item_findings')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('rectification_items.id'))
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id'))
    .addPrimaryKeyConstraint('rectification_item_findings_pk', ['item_id', 'finding_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('rectification_events'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('rectification_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addUniqueConstraint('rectification_events_item_version_uq', ['item_id', 'version'])
    .execute();

  await withIdColumn(db, db.schema.createTable('rectification_files'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('rectification_items.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('rectification_items.id'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notifications',
    'calendar_overrides',
    'rectification_files',
    'rectification_events',
    'rectification_item_findings',
    'rectification_items',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
