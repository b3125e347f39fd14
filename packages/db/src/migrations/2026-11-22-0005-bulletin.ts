import type { Kysely } from 'kysely';
import { withIdColumn } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // The office's editable wording of a period's bulletin (通报); the figures are never stored here,
  // they are assembled from the publication in force each time.
  await withIdColumn(db, db.schema.createTable('bulletin_drafts'))
    .addColumn('period_code', 'text', (c) => c.notNull().unique())
    .addColumn('paragraphs_json', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bulletin_drafts').execute();
}
