import { sql, type CompiledQuery } from 'kysely';
import type { Db } from '../connect';
import { prepareOnPostgres } from '../pg-prepared-statements';

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

/** What a request needs of its session's user, and the data version of the user's office, read together. */
export interface LiveSessionUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  unitId: number | null;
  unitName: string | null;
  officeId: number;
  officeKind: 'city' | 'province';
  mustChangePassword: boolean;
  /** The office's data version (dashboard/database-version.ts) as of this read. */
  officeDataVersion: string;
}

function liveSessionUserQuery(db: Db, id: string, now: string) {
  // Two tables joined, the rest as scalar subqueries: on PostgreSQL this statement is planned on every
  // request, and a five-way join costs about twice the planning (pgbench, demo city).
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select((eb) => [
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.unit_id',
      'u.must_change_password',
      'u.office_id',
      eb.selectFrom('offices as o').select('o.kind').whereRef('o.id', '=', 'u.office_id').as('office_kind'),
      eb.selectFrom('units as un').select('un.name').whereRef('un.id', '=', 'u.unit_id').as('unit_name'),
      eb
        .selectFrom('office_data_versions as v')
        .select(sql<string>`cast(v.version as text)`.as('version'))
        .whereRef('v.office_id', '=', 'u.office_id')
        .as('data_version'),
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .where('u.is_active', '=', 1);
}

type LiveSessionRow = Awaited<ReturnType<ReturnType<typeof liveSessionUserQuery>['executeTakeFirstOrThrow']>>;

// Stand-ins compiled into the statement once per handle and swapped for the request's values: building
// and compiling the query tree was about 15 % of a cached answer's CPU (node --cpu-prof, unitProfile).
const ID_SLOT = '\u0000session-id';
const NOW_SLOT = '\u0000now';
const compiledPerHandle = new WeakMap<Db, CompiledQuery<LiveSessionRow>>();

/**
 * The live session's active user in one statement (session, user, office, unit, office data version):
 * the session is read from the database on every request, so a session ended anywhere (sign-out, a
 * password change, an account disabled, in any process) is refused on the next request. `db` must be
 * an `acrossOffices` handle: the session names the user, the user names the office.
 */
export async function findLiveSessionUser(db: Db, id: string, now: string): Promise<LiveSessionUser | null> {
  let compiled = compiledPerHandle.get(db);
  if (compiled === undefined) {
    compiled = liveSessionUserQuery(db, ID_SLOT, NOW_SLOT).compile();
    compiledPerHandle.set(db, compiled);
    // Run on every request: on PostgreSQL, planned once per connection instead of every time.
    prepareOnPostgres(compiled.sql);
  }
  const parameters = compiled.parameters.map((p) => (p === ID_SLOT ? id : p === NOW_SLOT ? now : p));
  const r = (await db.executeQuery<LiveSessionRow>({ ...compiled, parameters })).rows[0];
  if (!r) return null;
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    unitId: r.unit_id === null ? null : Number(r.unit_id),
    unitName: r.unit_name,
    officeId: Number(r.office_id),
    officeKind: r.office_kind === 'province' ? 'province' : 'city',
    mustChangePassword: Number(r.must_change_password) === 1,
    officeDataVersion: r.data_version ?? '0',
  };
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
