import type { Role } from '@kaoping/contracts/auth/role';
import type { Db } from '../connect';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  isActive: boolean;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('users as u')
    .leftJoin('units as un', 'un.id', 'u.unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.password_hash', 'u.role', 'u.unit_id', 'u.is_active', 'un.name as unit_name']);
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
    isActive: r.is_active === 1,
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

export async function listUsers(db: Db): Promise<UserRecord[]> {
  const rows = await baseQuery(db).orderBy('u.role').orderBy('u.username').execute();
  return rows.map(toUser);
}

export async function insertUser(
  db: Db,
  user: { username: string; displayName: string; passwordHash: string; role: Role; unitId: number | null },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ username: user.username, display_name: user.displayName, password_hash: user.passwordHash, role: user.role, unit_id: user.unitId, is_active: 1, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
