import type { Kysely } from 'kysely';
import { withIdColumn } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
// 网站检查: homepage probes (站点无法访问 is judged on a week of ≥20 probes a day: failed or ≥15 s ≥ 5%).
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('site_probes'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('site_probes_unit_at_idx').on('site_probes').columns(['unit_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_probes').execute();
}
