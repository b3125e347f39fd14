import type { Kysely } from 'kysely';

// Frozen history: never edit after release; add a new migration instead.
// 年报评查 jobs (issue #14 Part 2): a city review is read off the request path by one server
// process and polled by the browser, whose polls may reach any process. The job's progress, its
// result (the review table as JSON) or its error live here. `heartbeat_at` is refreshed by the
// process doing the work; a running job whose heartbeat is stale lost its process (the uploaded
// files are not kept, so it cannot be resumed). `office_id` leads every key (issue #14 Part 3).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_review_jobs')
    .addColumn('office_id', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('started_by', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // reading | checking | done | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('files', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('review_json', 'text')
    .addColumn('error', 'text')
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('report_review_jobs_pk', ['office_id', 'id'])
    .execute();
  await db.schema.createIndex('report_review_jobs_created_idx').on('report_review_jobs').columns(['office_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_review_jobs').execute();
}
