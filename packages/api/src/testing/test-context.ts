import type { Role } from '@kaoping/contracts/auth/role';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { insertUnit } from '@kaoping/db/units/unit.repository';
import { insertUser } from '@kaoping/db/users/user.repository';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import type { Context } from '../context';
import { requestDb } from '../office-context';
import { createCaller } from '../root';

export const TEST_NOW = new Date('2026-03-02T02:00:00.000Z');

export interface CookieLog {
  set: { token: string; maxAge: number }[];
  cleared: number;
}

/** An inner context for createCaller: no HTTP, a fixed clock, a recorded cookie jar. */
export function createTestContext(
  database: DatabaseHandle,
  user: SessionUser | null,
  overrides: Partial<Context> = {},
): { ctx: Context; cookies: CookieLog } {
  const cookies: CookieLog = { set: [], cleared: 0 };
  const ctx: Context = {
    db: requestDb(database.db, user),
    dialect: database.dialect,
    user,
    sessionToken: null,
    clientIp: '127.0.0.1',
    cookies: { set: (token, maxAge) => cookies.set.push({ token, maxAge }), clear: () => void cookies.cleared++ },
    loginLimiter: new LoginRateLimiter(),
    now: () => TEST_NOW,
    ...overrides,
  };
  return { ctx, cookies };
}

export function callerFor(database: DatabaseHandle, user: SessionUser | null, overrides: Partial<Context> = {}) {
  return createCaller(createTestContext(database, user, overrides).ctx);
}

/** Two units and one user per role (the liaison bound to unit A01). */
export async function seedMinimalOrg(database: DatabaseHandle) {
  const at = TEST_NOW.toISOString();
  const base = { tags: [], validFrom: '2020-01-01', note: '', parentId: null };
  const own = await insertUnit(database.db, { ...base, code: 'A01', name: '临江区人民政府', kind: 'county_gov' }, at);
  const other = await insertUnit(database.db, { ...base, code: 'A02', name: '东湖区人民政府', kind: 'county_gov' }, at);
  const users = {} as Record<Role, SessionUser>;
  for (const role of ['admin', 'assessor', 'liaison', 'leader'] as const) {
    const unitId = role === 'liaison' ? own.id : null;
    const id = await insertUser(database.db, { username: role, displayName: `测试${role}`, passwordHash: 'x', role, unitId }, at);
    users[role] = { id, username: role, displayName: `测试${role}`, role, unitId, unitName: unitId ? own.name : null, officeId: 1 };
  }
  return { own, other, users };
}
