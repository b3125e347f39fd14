import type { Kysely } from 'kysely';
import { withIdColumn } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Saved what-if scenarios (权重模拟方案) of a published period's group. Analysis only:
  // nothing official reads this table.
  await withIdColumn(db, db.schema.createTable('what_if_scenarios'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period_code', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('points_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('what_if_scenarios_name_uq', ['period_code', 'group_code', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('what_if_scenarios').execute();
}
