import { TRPCError } from '@trpc/server';
import type { LoginInput, SessionUser } from '@kaoping/contracts/auth/session';
import { insertAuditEntry } from '@kaoping/db/audit/audit.repository';
import { deleteExpiredSessions, deleteSession, findLiveSessionUserId, insertSession } from '@kaoping/db/sessions/session.repository';
import { findUserById, findUserByUsername, type UserRecord } from '@kaoping/db/users/user.repository';
import type { Db } from '@kaoping/db/connect';
import type { Context } from '../context';
import { dummyPasswordHash, verifyPassword } from './password';
import { newSessionToken, sessionIdOf, SESSION_TTL_SECONDS } from './session-token';

export function toSessionUser(user: UserRecord): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, unitName: user.unitName };
}

export async function signIn(ctx: Context, input: LoginInput): Promise<SessionUser> {
  const now = ctx.now();
  const wait = ctx.loginLimiter.retryAfterMs(ctx.clientIp, input.username, now.getTime());
  if (wait > 0) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `登录失败次数过多,请 ${Math.ceil(wait / 60000)} 分钟后再试` });
  }
  const user = await findUserByUsername(ctx.db, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || !user.isActive) {
    ctx.loginLimiter.recordFailure(ctx.clientIp, input.username, now.getTime());
    throw new TRPCError({ code: 'UNAUTHORIZED', message: '用户名或密码错误' });
  }
  ctx.loginLimiter.recordSuccess(ctx.clientIp, input.username);
  const token = newSessionToken();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteExpiredSessions(trx, at);
    await insertSession(trx, { id: sessionIdOf(token), userId: user.id, createdAt: at, expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000).toISOString() });
    await insertAuditEntry(trx, { at, actorId: user.id, actorName: user.displayName, action: 'auth.login', entity: 'user', entityId: user.id, unitId: user.unitId, before: null, after: { ip: ctx.clientIp } });
  });
  ctx.cookies.set(token, SESSION_TTL_SECONDS);
  return toSessionUser(user);
}

export async function signOut(ctx: Context): Promise<void> {
  if (ctx.sessionToken) await deleteSession(ctx.db, sessionIdOf(ctx.sessionToken));
  ctx.cookies.clear();
}

/** Resolves the cookie's token to a user; used by the HTTP host when building the context. */
export async function resolveSessionUser(db: Db, token: string | null, now: Date): Promise<SessionUser | null> {
  if (!token) return null;
  const userId = await findLiveSessionUserId(db, sessionIdOf(token), now.toISOString());
  if (userId === null) return null;
  const user = await findUserById(db, userId);
  return user && user.isActive ? toSessionUser(user) : null;
}
