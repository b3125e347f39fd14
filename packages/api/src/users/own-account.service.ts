// What every signed-in user may do to their own account: change the password (forced after a
// one-time or reset password), list their sessions and end them ("sign out everywhere").
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { ChangeOwnPasswordInput, SessionRow } from '@kaoping/contracts/users/user';
import { invalidInput, notFound, tooMany } from '@kaoping/domain/errors/domain-error';
import { deleteSessionOfUser, deleteSessionsOfUser, listLiveSessionsOfUser } from '@kaoping/db/sessions/session.repository';
import { setUserPassword } from '@kaoping/db/users/user.repository';
import type { Context } from '../context';
import { recordChange } from '../audit/record-change';
import { hashPassword, verifyPassword } from '../auth/password';
import { sessionIdOf } from '../auth/session-token';
import { passwordProblems } from './password-policy';
import { requireUser } from './user.service';

type Authed = Context & { user: SessionUser };

const currentSessionId = (ctx: Authed): string | null => (ctx.sessionToken ? sessionIdOf(ctx.sessionToken) : null);

/**
 * Changes the caller's password: the current one is checked (failures count against the sign-in
 * limiter, so a stolen session cannot guess it), the new one must pass the policy, and every other
 * session of the user ends.
 */
export async function changeOwnPassword(ctx: Authed, input: ChangeOwnPasswordInput): Promise<SessionUser> {
  const now = ctx.now();
  const user = await requireUser(ctx.db, ctx.user.id);
  const attempt = await ctx.loginLimiter.reserve(ctx.db, ctx.clientIp, user.username, now.getTime());
  if (!attempt.ok) throw tooMany(`密码错误次数过多,请 ${Math.ceil(attempt.retryAfterMs / 1000)} 秒后再试`);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw invalidInput('当前密码不正确');
  await ctx.loginLimiter.succeeded(ctx.db, attempt);
  if (input.newPassword === input.currentPassword) throw invalidInput('新密码不能与当前密码相同');
  const problems = passwordProblems(input.newPassword, { username: user.username, displayName: user.displayName });
  if (problems.length > 0) throw invalidInput(problems.join(';'));
  const passwordHash = await hashPassword(input.newPassword);
  const keep = currentSessionId(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await setUserPassword(trx, user.id, passwordHash, false, now.toISOString());
    const otherSessionsEnded = await deleteSessionsOfUser(trx, user.id, keep);
    await recordChange(trx, ctx.user, now, {
      action: 'user.password.change',
      entity: 'user',
      entityId: user.id,
      unitId: user.unitId,
      before: null,
      after: { forced: user.mustChangePassword, otherSessionsEnded },
    });
  });
  return { ...ctx.user, mustChangePassword: false };
}

export async function listOwnSessions(ctx: Authed): Promise<SessionRow[]> {
  const current = currentSessionId(ctx);
  const sessions = await listLiveSessionsOfUser(ctx.db, ctx.user.id, ctx.now().toISOString());
  return sessions.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    clientIp: s.clientIp,
    current: s.id === current,
  }));
}

/** Ends one of the caller's sessions (another browser); ending the current one signs this browser out. */
export async function endOwnSession(ctx: Authed, id: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteSessionOfUser(trx, ctx.user.id, id))) throw notFound('该会话不存在或已结束');
    await recordChange(trx, ctx.user, now, {
      action: 'session.end',
      entity: 'user',
      entityId: ctx.user.id,
      unitId: ctx.user.unitId,
      before: null,
      after: { session: id.slice(0, 8) },
    });
  });
  if (id === currentSessionId(ctx)) ctx.cookies.clear();
}

/** "Sign out everywhere": every session of the caller ends, this one included. */
export async function signOutEverywhere(ctx: Authed): Promise<{ ended: number }> {
  const now = ctx.now();
  const ended = await ctx.db.transaction().execute(async (trx) => {
    const n = await deleteSessionsOfUser(trx, ctx.user.id);
    await recordChange(trx, ctx.user, now, {
      action: 'user.sessions.end',
      entity: 'user',
      entityId: ctx.user.id,
      unitId: ctx.user.unitId,
      before: null,
      after: { username: ctx.user.username, ended: n, self: true },
    });
    return n;
  });
  ctx.cookies.clear();
  return { ended };
}
