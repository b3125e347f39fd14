import type { Kysely } from 'kysely';
import { withIdColumn } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
// Assessment: schemes, rounds, scores, findings, events, publications, objections, files.
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('schemes'))
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scheme_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text')
    .execute();

  await withIdColumn(db, db.schema.createTable('assessment_rounds'))
    .addColumn('period_code', 'text', (c) => c.notNull().references('periods.code'))
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('objection_days', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('published_at', 'text')
    .addColumn('objection_deadline', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_rounds_period_kind_uq', ['period_code', 'kind'])
    .execute();

  await withIdColumn(db, db.schema.createTable('assessment_scores'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('leaf_code', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('na_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_scores_cell_uq', ['round_id', 'unit_id', 'leaf_code'])
    .execute();

  await withIdColumn(db, db.schema.createTable('findings'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('leaf_code', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('deduction_milli', 'integer')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seen_at', 'text')
    .addColumn('screenshot_path', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('findings_round_unit_idx').on('findings').columns(['round_id', 'unit_id']).execute();

  await withIdColumn(db, db.schema.createTable('assessment_events'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_events_round_idx').on('assessment_events').columns(['round_id', 'unit_id']).execute();

  await withIdColumn(db, db.schema.createTable('assessment_publications'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('scheme_version', 'integer', (c) => c.notNull())
    .addColumn('scheme_hash', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('results_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('diff_json', 'text')
    .addColumn('previous_id', 'integer', (c) => c.references('assessment_publications.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published_by_name', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_publications_round_seq_uq', ['round_id', 'sequence'])
    .execute();

  await withIdColumn(db, db.schema.createTable('objections'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('filed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('filed_by_name', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('publication_id', 'integer', (c) => c.references('assessment_publications.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('objections_round_idx').on('objections').columns(['round_id', 'status']).execute();
  await db.schema.createIndex('objections_finding_idx').on('objections').column('finding_id').execute();

  await db.schema
    .createTable('assessment_files')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'assessment_files',
    'objections',
    'assessment_publications',
    'assessment_events',
    'findings',
    'assessment_scores',
    'assessment_rounds',
    'schemes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
