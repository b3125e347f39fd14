import type { Role } from '@kaoping/contracts/auth/role';
import type { Db } from '../connect';
import { acrossOffices } from '../offices/office-scope';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  unitCode: string | null;
  /** The office the account belongs to (its requests are scoped to it). */
  officeId: number;
  officeKind: 'city' | 'province';
  /** Disabled users keep their row (the audit log names them) but cannot sign in. */
  isActive: boolean;
  /** Set by a one-time or reset password: the next sign-in must choose a new one. */
  mustChangePassword: boolean;
  phone: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('users as u')
    .leftJoin('units as un', 'un.id', 'u.unit_id')
    .innerJoin('offices as o', 'o.id', 'u.office_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.password_hash',
      'u.role',
      'u.unit_id',
      'u.is_active',
      'u.must_change_password',
      'u.phone',
      'u.last_sign_in_at',
      'u.created_at',
      'u.office_id',
      'o.kind as office_kind',
      'un.name as unit_name',
      'un.code as unit_code',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
function toUser(r: Row): UserRecord {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    role: r.role as Role,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitCode: r.unit_code,
    isActive: Number(r.is_active) === 1,
    mustChangePassword: Number(r.must_change_password) === 1,
    phone: r.phone,
    lastSignInAt: r.last_sign_in_at,
    createdAt: r.created_at,
    officeId: Number(r.office_id),
    officeKind: r.office_kind === 'province' ? 'province' : 'city',
  };
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | null> {
  const r = await baseQuery(db).where('u.username', '=', username).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | null> {
  const r = await baseQuery(db).where('u.id', '=', id).executeTakeFirst();
  return r ? toUser(r) : null;
}

export interface UserFilter {
  role?: Role | undefined;
  unitId?: number | undefined;
  active?: boolean | undefined;
  /** Matches username, display name or phone. */
  search?: string | undefined;
}

export async function listUsers(db: Db, filter: UserFilter = {}): Promise<UserRecord[]> {
  let query = baseQuery(db);
  if (filter.role !== undefined) query = query.where('u.role', '=', filter.role);
  if (filter.unitId !== undefined) query = query.where('u.unit_id', '=', filter.unitId);
  if (filter.active !== undefined) query = query.where('u.is_active', '=', filter.active ? 1 : 0);
  if (filter.search) {
    const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('u.username', 'like', like), eb('u.display_name', 'like', like), eb('u.phone', 'like', like)]));
  }
  const rows = await query.orderBy('u.role').orderBy('u.username').execute();
  return rows.map(toUser);
}

/**
 * Usernames among `usernames` that are already taken (compared as stored), in any office: a sign-in name
 * picks the account and so the office, so it is unique across the deployment.
 */
export async function findTakenUsernames(scoped: Db, usernames: string[]): Promise<Set<string>> {
  const db = acrossOffices(scoped);
  const taken = new Set<string>();
  for (let i = 0; i < usernames.length; i += 500) {
    const chunk = usernames.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom('users').select('username').where('username', 'in', chunk).execute();
    for (const r of rows) taken.add(r.username);
  }
  return taken;
}

/** Whether any active administrator exists: an empty production database has none. */
export async function hasActiveAdmin(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('is_active', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Active liaison counts per unit, for units that have any. */
export async function countActiveLiaisonsByUnit(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['unit_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('role', '=', 'liaison')
    .where('is_active', '=', 1)
    .where('unit_id', 'is not', null)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.unit_id), Number(r.n)]));
}

export async function insertUser(
  db: Db,
  user: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    unitId: number | null;
    phone?: string | null;
    mustChangePassword?: boolean;
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      unit_id: user.unitId,
      is_active: 1,
      created_at: now,
      phone: user.phone ?? null,
      must_change_password: user.mustChangePassword ? 1 : 0,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateUserProfile(
  db: Db,
  id: number,
  change: { displayName: string; role: Role; unitId: number | null; phone: string | null },
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ display_name: change.displayName, role: change.role, unit_id: change.unitId, phone: change.phone, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function setUserActive(db: Db, id: number, active: boolean, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ is_active: active ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function setUserPassword(db: Db, id: number, passwordHash: string, mustChangePassword: boolean, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: mustChangePassword ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function recordSignIn(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

/** Active liaison accounts of the given unit (retiring a unit disables them). */
export async function listActiveLiaisonsOfUnit(db: Db, unitId: number): Promise<UserRecord[]> {
  const rows = await baseQuery(db).where('u.unit_id', '=', unitId).where('u.role', '=', 'liaison').where('u.is_active', '=', 1).execute();
  return rows.map(toUser);
}
