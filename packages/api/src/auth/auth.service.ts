import { tooMany, unauthenticated } from '@kaoping/domain/errors/domain-error';
import type { LoginInput, SessionUser } from '@kaoping/contracts/auth/session';
import { insertAuditEntry } from '@kaoping/db/audit/audit.repository';
import { insertSecurityEvent, pruneSecurityEvents } from '@kaoping/db/security/security-event.repository';
import { deleteExpiredSessions, deleteSession, findLiveSessionUser, insertSession } from '@kaoping/db/sessions/session.repository';
import { findUserByUsername, recordSignIn, type UserRecord } from '@kaoping/db/users/user.repository';
import type { Db } from '@kaoping/db/connect';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { DEPLOYMENT_OFFICE_ID } from '../office-context';
import type { Context } from '../context';
import { dummyPasswordHash, verifyPassword } from './password';
import { newSessionToken, sessionIdOf, SESSION_TTL_SECONDS } from './session-token';

export function toSessionUser(user: UserRecord): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    unitName: user.unitName,
    officeId: user.officeId,
    ...(user.officeKind === 'province' ? { officeKind: 'province' as const } : {}),
    mustChangePassword: user.mustChangePassword,
  };
}

/** "30 秒" / "5 分钟": how long to wait, for the refusal message. */
function waitText(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.ceil(ms / 1000))} 秒` : `${Math.ceil(ms / 60_000)} 分钟`;
}

const SECURITY_LOG_DAYS = 180;

/**
 * A failed sign-in goes to the security log of the account's office; a name no account has belongs to no
 * office, and goes to the log of office 1 (the deployment's operating office).
 */
async function logSecurityEvent(ctx: Context, officeId: number, kind: 'login_failed', username: string, detail: string): Promise<void> {
  const now = ctx.now();
  const db = scopeToOffice(ctx.db, officeId);
  await pruneSecurityEvents(db, new Date(now.getTime() - SECURITY_LOG_DAYS * 86_400_000).toISOString());
  await insertSecurityEvent(db, { at: now.toISOString(), kind, username: username.slice(0, 64), clientIp: ctx.clientIp, detail });
}

export async function signIn(ctx: Context, input: LoginInput): Promise<SessionUser> {
  const now = ctx.now();
  // Counted before the password is checked: attempts in flight count too.
  const reservation = await ctx.loginLimiter.reserve(ctx.db, ctx.clientIp, input.username, now.getTime());
  // Refusals are not logged one by one (a flood would fill the log); the failures before them are.
  if (!reservation.ok) {
    throw tooMany(`登录尝试过于频繁,请 ${waitText(reservation.retryAfterMs)}后再试`);
  }
  // Sign-in names are unique across offices: the account found names the office.
  const user = await findUserByUsername(acrossOffices(ctx.db), input.username);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || !user.isActive) {
    await logSecurityEvent(
      ctx,
      user?.officeId ?? DEPLOYMENT_OFFICE_ID,
      'login_failed',
      input.username,
      !user ? '用户不存在' : !ok ? '密码错误' : '账号已停用',
    );
    throw unauthenticated('用户名或密码错误');
  }
  await ctx.loginLimiter.succeeded(ctx.db, reservation);
  const token = newSessionToken();
  const at = now.toISOString();
  await scopeToOffice(ctx.db, user.officeId)
    .transaction()
    .execute(async (trx) => {
      await deleteExpiredSessions(trx, at);
      await insertSession(trx, {
        id: sessionIdOf(token),
        userId: user.id,
        createdAt: at,
        expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000).toISOString(),
        clientIp: ctx.clientIp,
      });
      await recordSignIn(trx, user.id, at);
      await insertAuditEntry(trx, {
        at,
        actorId: user.id,
        actorName: user.displayName,
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        unitId: user.unitId,
        before: null,
        after: { ip: ctx.clientIp },
      });
    });
  ctx.cookies.set(token, SESSION_TTL_SECONDS);
  return toSessionUser(user);
}

export async function signOut(ctx: Context): Promise<void> {
  if (ctx.sessionToken) await deleteSession(ctx.db, sessionIdOf(ctx.sessionToken));
  ctx.cookies.clear();
}

/** A request's session: its user, and the data version of the user's office read in the same statement. */
export interface ResolvedSession {
  user: SessionUser;
  /** db/dashboard/database-version.ts: keys the dashboard's cached answers and ETags. */
  officeDataVersion: string;
}

/**
 * Resolves the cookie's token to its session (one statement: session, user, office, version); used by the
 * HTTP host before the context. Read from the database every time, so a session revoked anywhere is refused next.
 */
export async function resolveSession(db: Db, token: string | null, now: Date): Promise<ResolvedSession | null> {
  if (!token) return null;
  // Before the office is known: the session names the user, the user names the office.
  const row = await findLiveSessionUser(acrossOffices(db), sessionIdOf(token), now.toISOString());
  if (row === null) return null;
  const { officeDataVersion, officeKind, role, ...rest } = row;
  const user: SessionUser = {
    ...rest,
    role: role as SessionUser['role'],
    ...(officeKind === 'province' ? { officeKind: 'province' as const } : {}),
  };
  return { user, officeDataVersion };
}

/** Resolves the cookie's token to a user (resolveSession without the version). */
export async function resolveSessionUser(db: Db, token: string | null, now: Date): Promise<SessionUser | null> {
  return (await resolveSession(db, token, now))?.user ?? null;
}
