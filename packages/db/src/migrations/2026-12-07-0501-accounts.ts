import type { Kysely } from 'kysely';

// Frozen history: never edit after release; add a new migration instead.
// Accounts: users keep `is_active` as their status (1 active, 0 disabled; never deleted, the audit
// log keeps their names) and gain a forced password change, a phone and their last sign-in.
// Sessions gain the address they were opened from, so a user can tell them apart and end them. Several liaisons per unit were always allowed (no unique unit_id).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('phone', 'text').execute();
  await db.schema.alterTable('users').addColumn('last_sign_in_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('updated_at', 'text').execute();
  await db.schema.createIndex('users_unit_idx').on('users').column('unit_id').execute();

  await db.schema.alterTable('sessions').addColumn('client_ip', 'text').execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_user_idx').execute();
  await db.schema.alterTable('sessions').dropColumn('client_ip').execute();
  await db.schema.dropIndex('users_unit_idx').execute();
  for (const column of ['updated_at', 'last_sign_in_at', 'phone', 'must_change_password'])
    await db.schema.alterTable('users').dropColumn(column).execute();
}
