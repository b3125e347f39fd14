// 用户管理 for the office: list, create, edit, disable/enable (never delete), reset a password and
// end a user's sessions. Every change is audited in its own transaction.
import { acrossOffices } from '@kaoping/db/offices/office-scope';
import { roleLabelsZh, type Role } from '@kaoping/contracts/auth/role';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { UserCreateInput, UserRow, UserStatus, UserUpdateInput } from '@kaoping/contracts/users/user';
import { chinaToday } from '@kaoping/domain/period/period';
import { conflict, invalidInput, notFound } from '@kaoping/domain/errors/domain-error';
import type { Db } from '@kaoping/db/connect';
import { deleteSessionsOfUser } from '@kaoping/db/sessions/session.repository';
import { findUnitForAccount } from '@kaoping/db/users/account-units.repository';
import {
  findUserById,
  findUserByUsername,
  hasActiveAdmin,
  insertUser,
  listActiveLiaisonsOfUnit,
  listUsers,
  setUserActive,
  setUserPassword,
  updateUserProfile,
  type UserRecord,
} from '@kaoping/db/users/user.repository';
import type { Context } from '../context';
import { recordChange } from '../audit/record-change';
import { hashPassword } from '../auth/password';
import { generateOneTimePassword, passwordProblems } from './password-policy';

type Authed = Context & { user: SessionUser };

export function toUserRow(u: UserRecord): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    unitName: u.unitName,
    unitCode: u.unitCode,
    phone: u.phone,
    status: u.isActive ? 'active' : 'disabled',
    mustChangePassword: u.mustChangePassword,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
  };
}

/** What the audit log keeps of a user: never the hash. */
function auditView(u: UserRecord) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    unitName: u.unitName,
    phone: u.phone,
    status: u.isActive ? 'active' : 'disabled',
  };
}

export async function requireUser(db: Db, id: number): Promise<UserRecord> {
  const user = await findUserById(db, id);
  if (!user) throw notFound('用户不存在');
  return user;
}

export async function listUserRows(
  ctx: Authed,
  filter: { role?: Role | undefined; unitId?: number | undefined; status?: UserStatus | undefined; search?: string | undefined },
): Promise<UserRow[]> {
  const users = await listUsers(ctx.db, {
    role: filter.role,
    unitId: filter.unitId,
    search: filter.search,
    active: filter.status === undefined ? undefined : filter.status === 'active',
  });
  return users.map(toUserRow);
}

/** Whether an active administrator exists (the sign-in page of an empty server says so). */
/** Asked before sign-in (the login page's first-run hint): whether the deployment has any administrator. */
export function adminExists(db: Db): Promise<boolean> {
  return hasActiveAdmin(acrossOffices(db));
}

async function assertUnitForRole(db: Db, role: Role, unitId: number | null, now: Date): Promise<void> {
  if (role !== 'liaison' || unitId === null) return;
  const unit = await findUnitForAccount(db, unitId, chinaToday(now));
  if (!unit) throw invalidInput('所属单位不存在');
  if (!unit.inForce) throw invalidInput(`单位 ${unit.name} 已撤销,不能再为其设置联络员`);
}

/** An admin can never leave the office without an active administrator. */
async function assertNotLastAdmin(db: Db, user: UserRecord): Promise<void> {
  if (user.role !== 'admin' || !user.isActive) return;
  const admins = await listUsers(db, { role: 'admin', active: true });
  if (admins.length <= 1) throw conflict('这是唯一的在用管理员账号,不能停用或改为其他角色;请先创建另一个管理员');
}

export interface CreatedUser {
  user: UserRow;
  /** Shown once to the admin; null when the creator chose the password (CLI prompt). */
  oneTimePassword: string | null;
}

/**
 * Creates an account. Without `password` a one-time password is generated and must be changed at
 * first sign-in; a chosen password (the CLI's prompt) must pass the policy.
 */
export async function createUserAccount(
  ctx: Context & { user: SessionUser | null },
  input: UserCreateInput,
  options: { password?: string } = {},
): Promise<CreatedUser> {
  const now = ctx.now();
  if (options.password !== undefined) {
    const problems = passwordProblems(options.password, { username: input.username, displayName: input.displayName });
    if (problems.length > 0) throw invalidInput(problems.join(';'));
  }
  const oneTimePassword = options.password === undefined ? generateOneTimePassword() : null;
  const passwordHash = await hashPassword(options.password ?? oneTimePassword ?? '');
  return ctx.db.transaction().execute(async (trx) => {
    // Sign-in names are unique across offices (the name picks the account, and so the office).
    if (await findUserByUsername(acrossOffices(trx), input.username)) throw conflict(`用户名 ${input.username} 已存在`);
    await assertUnitForRole(trx, input.role, input.unitId, now);
    const id = await insertUser(
      trx,
      {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        unitId: input.unitId,
        phone: input.phone,
        mustChangePassword: oneTimePassword !== null,
      },
      now.toISOString(),
    );
    const created = await requireUser(trx, id);
    await recordChange(trx, ctx.user, now, {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      unitId: created.unitId,
      before: null,
      after: { ...auditView(created), oneTimePassword: oneTimePassword !== null },
    });
    return { user: toUserRow(created), oneTimePassword };
  });
}

export async function editUser(ctx: Authed, input: UserUpdateInput): Promise<UserRow> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await requireUser(trx, input.id);
    if (before.role !== input.role) await assertNotLastAdmin(trx, before);
    if (input.unitId !== before.unitId || input.role !== before.role) await assertUnitForRole(trx, input.role, input.unitId, now);
    await updateUserProfile(
      trx,
      input.id,
      { displayName: input.displayName, role: input.role, unitId: input.unitId, phone: input.phone },
      now.toISOString(),
    );
    const after = await requireUser(trx, input.id);
    // A new role or unit changes what the user may see: their open sessions end now.
    const sessionsEnded = before.role !== after.role || before.unitId !== after.unitId ? await deleteSessionsOfUser(trx, input.id) : 0;
    await recordChange(trx, ctx.user, now, {
      action: 'user.update',
      entity: 'user',
      entityId: input.id,
      unitId: after.unitId ?? before.unitId,
      before: auditView(before),
      after: { ...auditView(after), sessionsEnded },
    });
    return toUserRow(after);
  });
}

/** Disables or re-enables an account. Disabling ends every session of the user in the same transaction. */
export async function setUserStatus(ctx: Context & { user: SessionUser | null }, id: number, status: UserStatus): Promise<UserRow> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await requireUser(trx, id);
    const active = status === 'active';
    if (before.isActive === active) throw conflict(active ? '该用户已是启用状态' : '该用户已停用');
    if (!active) {
      if (ctx.user && ctx.user.id === id) throw invalidInput('不能停用自己的账号');
      await assertNotLastAdmin(trx, before);
    }
    if (active) await assertUnitForRole(trx, before.role, before.unitId, now);
    await setUserActive(trx, id, active, now.toISOString());
    const sessionsEnded = active ? 0 : await deleteSessionsOfUser(trx, id);
    const after = await requireUser(trx, id);
    await recordChange(trx, ctx.user, now, {
      action: active ? 'user.enable' : 'user.disable',
      entity: 'user',
      entityId: id,
      unitId: after.unitId,
      before: auditView(before),
      after: { ...auditView(after), sessionsEnded },
    });
    return toUserRow(after);
  });
}

/** A new one-time password for a user: their sessions end, and the next sign-in must change it. */
export async function resetUserPassword(
  ctx: Context & { user: SessionUser | null },
  id: number,
): Promise<{ userId: number; username: string; oneTimePassword: string }> {
  const now = ctx.now();
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, id);
    await setUserPassword(trx, id, passwordHash, true, now.toISOString());
    const sessionsEnded = await deleteSessionsOfUser(trx, id);
    await recordChange(trx, ctx.user, now, {
      action: 'user.password.reset',
      entity: 'user',
      entityId: id,
      unitId: user.unitId,
      before: null,
      after: { username: user.username, sessionsEnded },
    });
    return { userId: id, username: user.username, oneTimePassword };
  });
}

/** An admin ends every session of a user (a lost laptop, a departing liaison). */
export async function endUserSessions(ctx: Authed, id: number): Promise<{ ended: number }> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, id);
    const ended = await deleteSessionsOfUser(trx, id);
    await recordChange(trx, ctx.user, now, {
      action: 'user.sessions.end',
      entity: 'user',
      entityId: id,
      unitId: user.unitId,
      before: null,
      after: { username: user.username, ended },
    });
    return { ended };
  });
}

/**
 * Retiring a unit disables its liaison accounts: called by the unit service inside the retirement's
 * own transaction, so both happen or neither does.
 */
export async function disableLiaisonsOfUnit(trx: Db, actor: SessionUser | null, now: Date, unitId: number): Promise<number> {
  const liaisons = await listActiveLiaisonsOfUnit(trx, unitId);
  for (const liaison of liaisons) {
    await setUserActive(trx, liaison.id, false, now.toISOString());
    const sessionsEnded = await deleteSessionsOfUser(trx, liaison.id);
    await recordChange(trx, actor, now, {
      action: 'user.disable',
      entity: 'user',
      entityId: liaison.id,
      unitId,
      before: auditView(liaison),
      after: { ...auditView({ ...liaison, isActive: false }), sessionsEnded, reason: '所属单位已撤销' },
    });
  }
  return liaisons.length;
}

export const roleLabel = (role: Role): string => roleLabelsZh[role];
