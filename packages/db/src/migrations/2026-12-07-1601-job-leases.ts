import type { Kysely } from 'kysely';

// Frozen history: never edit after release; add a new migration instead.
// Leases that let several server processes share one database: a periodic job (the hourly
// reminders, the monthly site-check schedule, the site-check worker) runs in the process holding
// its lease. `expires_at` is an ISO UTC instant; a lease past it may be taken by anyone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_leases').execute();
}
