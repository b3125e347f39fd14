import type { Kysely } from 'kysely';

// Frozen history: never edit after release; add a new migration instead.
// Rectification orders say whether the unit must attach 佐证材料 (the office decides when issuing).
// Existing orders keep what was asked of a fix until now: evidence required.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rectification_items')
    .addColumn('evidence_required', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rectification_items').dropColumn('evidence_required').execute();
}
