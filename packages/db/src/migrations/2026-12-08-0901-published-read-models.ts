import type { Kysely } from 'kysely';

// Frozen history: never edit after release; add a new migration instead.
// Read models of a publication (issue #14): what the dashboards read, computed once when the
// publication is written (same transaction) instead of re-parsing its snapshot per request.
// A publication never changes, so neither do its rows. Publications written before this
// migration get theirs on first read (api/src/dashboard/read-models.ts). `office_id` leads every
// key so the tables can be distributed by office later (issue #14 Part 3).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('published_unit_results')
    .addColumn('office_id', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('assessment_publications.id'))
    .addColumn('round_id', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('group_order', 'integer', (c) => c.notNull())
    .addColumn('row_order', 'integer', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer')
    .addColumn('unit_name', 'text', (c) => c.notNull())
    // Thousandths (integer), like every stored score.
    .addColumn('final', 'integer')
    .addColumn('rank', 'integer')
    .addColumn('rank_delta', 'integer')
    .addColumn('previous_rank', 'integer')
    .addColumn('grade', 'text')
    .addColumn('is_quota_demoted', 'integer', (c) => c.notNull())
    .addColumn('is_veto_fail', 'integer', (c) => c.notNull())
    .addColumn('is_failing', 'integer', (c) => c.notNull())
    .addColumn('unscored_reason', 'text')
    .addColumn('vetoes_json', 'text', (c) => c.notNull())
    .addColumn('level1_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_unit_results_pk', ['office_id', 'publication_id', 'unit_code'])
    .execute();
  await db.schema
    .createIndex('published_unit_results_order_idx')
    .on('published_unit_results')
    .columns(['office_id', 'publication_id', 'group_order', 'row_order'])
    .execute();
  await db.schema
    .createIndex('published_unit_results_unit_idx')
    .on('published_unit_results')
    .columns(['office_id', 'unit_code', 'publication_id'])
    .execute();
  await db.schema
    .createTable('published_group_stats')
    .addColumn('office_id', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('assessment_publications.id'))
    .addColumn('round_id', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('group_order', 'integer', (c) => c.notNull())
    .addColumn('stats_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_group_stats_pk', ['office_id', 'publication_id', 'group_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('published_group_stats').execute();
  await db.schema.dropTable('published_unit_results').execute();
}
