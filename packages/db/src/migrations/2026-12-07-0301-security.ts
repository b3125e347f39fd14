import type { Kysely } from 'kysely';
import { withIdColumn } from './column-helpers';

// Frozen history: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Sign-in throttle, shared by every server process: one row per key ("acct:<username>",
  // "addr:<ip>", "pair:<username>|<ip>"). Rows quiet for a day are deleted on the next attempt.
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text', (c) => c.notNull())
    .addColumn('next_allowed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_last_attempt_idx').on('login_throttle').column('last_attempt_at').execute();

  // Security log (failed and throttled sign-ins, refused requests) for the office's administrators.
  await withIdColumn(db, db.schema.createTable('security_events'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('client_ip', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('security_events_at_idx').on('security_events').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('security_events').execute();
  await db.schema.dropTable('login_throttle').execute();
}
