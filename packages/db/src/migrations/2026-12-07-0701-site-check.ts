import type { Kysely } from 'kysely';
import { withIdColumn } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
// 网站检查: units' channels, the office's settings and 错敏词, check runs (jobs) with per-unit
// progress and results, the problems found with their review, and the pages kept as evidence.
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('site_channels'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    /** website | column | new_media (listed, never crawled) */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('site_channels_unit_url_uq', ['unit_id', 'url'])
    .execute();
  await db.schema
    .createTable('site_check_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('columns_json', 'text', (c) => c.notNull())
    .addColumn('limits_json', 'text', (c) => c.notNull())
    .addColumn('schedule_day', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await withIdColumn(db, db.schema.createTable('site_words'))
    .addColumn('word', 'text', (c) => c.notNull().unique())
    .addColumn('suggestion', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withIdColumn(db, db.schema.createTable('site_check_runs'))
    /** all | group:<code> | units */
    .addColumn('scope', 'text', (c) => c.notNull())
    /** queued | running | done | cancelled | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    /** manual | schedule */
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('judged_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .execute();
  await withIdColumn(db, db.schema.createTable('site_check_units'))
    .addColumn('run_id', 'integer', (c) => c.notNull().references('site_check_runs.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('url', 'text')
    /** queued | running | done | failed | cancelled | skipped (no website) */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('result_json', 'text')
    .addColumn('problems', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addUniqueConstraint('site_check_units_run_unit_uq', ['run_id', 'unit_id'])
    .execute();
  await withIdColumn(db, db.schema.createTable('site_problems'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('veto', 'integer', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('first_run_id', 'integer', (c) => c.notNull().references('site_check_runs.id'))
    .addColumn('last_run_id', 'integer', (c) => c.notNull().references('site_check_runs.id'))
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    /** open | accepted | dismissed | sent | resolved */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('finding_id', 'integer')
    .addColumn('event_id', 'integer')
    .addColumn('round_id', 'integer')
    .addColumn('resolved_run_id', 'integer')
    .addColumn('evidence_sha256', 'text')
    .addColumn('evidence_status', 'integer')
    .addColumn('evidence_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('site_problems_unit_key_uq', ['unit_id', 'key'])
    .execute();
  await db.schema
    .createTable('site_evidence')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'site_evidence',
    'site_problems',
    'site_check_units',
    'site_check_runs',
    'site_words',
    'site_check_settings',
    'site_channels',
  ])
    await db.schema.dropTable(t).execute();
}
