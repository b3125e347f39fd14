import type { Db } from '../connect';

export async function insertSession(db: Db, session: { id: string; userId: number; createdAt: string; expiresAt: string }): Promise<void> {
  await db.insertInto('sessions').values({ id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt }).execute();
}

/** The session's user id when the session exists and has not expired at `now`. */
export async function findLiveSessionUserId(db: Db, id: string, now: string): Promise<number | null> {
  const row = await db.selectFrom('sessions').select('user_id').where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
  return row ? row.user_id : null;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
