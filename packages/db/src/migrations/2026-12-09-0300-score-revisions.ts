import type { Kysely } from 'kysely';

// Frozen history: never edit after release; add a new migration instead.
// Score entry without a hot row (issue #14): every change to a cell adds one to its `revision`, so
// a draft round's version is its row's `version` plus the sum of its cells' revisions (a removed
// cell's revision moves into the row's version). Single-cell writes in a draft round no longer
// update the round's row, on which every writer of the round queued on PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('assessment_scores')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessment_scores').dropColumn('revision').execute();
}
