import type { Kysely } from 'kysely';

// Frozen history: never edit after release; add a new migration instead.
// A notification keeps the figures and names it speaks of (JSON, by its kind) beside its Chinese
// title and body, so the dashboard says it in the reader's language. Older rows have none (null):
// they are shown from their stored text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('notice_values', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('notice_values').execute();
}
