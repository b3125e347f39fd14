import type { Db } from '../connect';

export interface SessionRecord {
  /** SHA-256 of the cookie's token: it names the session but cannot be used as one. */
  id: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  clientIp: string | null;
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: number; createdAt: string; expiresAt: string; clientIp?: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      client_ip: session.clientIp ?? null,
    })
    .execute();
}

/** The session's user id when the session exists and has not expired at `now`. */
export async function findLiveSessionUserId(db: Db, id: string, now: string): Promise<number | null> {
  const row = await db.selectFrom('sessions').select('user_id').where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
  return row ? row.user_id : null;
}

/** A user's unexpired sessions, newest first. */
export async function listLiveSessionsOfUser(db: Db, userId: number, now: string): Promise<SessionRecord[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'created_at', 'expires_at', 'client_ip'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at, clientIp: r.client_ip }));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends one session of a user; false when the user has no such session. */
export async function deleteSessionOfUser(db: Db, userId: number, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every session of a user except `keepId` (the caller's own, when changing their password); returns how many. */
export async function deleteSessionsOfUser(db: Db, userId: number, keepId: string | null = null): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId !== null) query = query.where('id', '!=', keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
