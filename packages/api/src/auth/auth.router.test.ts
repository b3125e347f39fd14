import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { insertUser } from '@kaoping/db/users/user.repository';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import { createCaller } from '../root';
import { createTestContext, TEST_NOW } from '../testing/test-context';
import { LoginRateLimiter } from './login-rate-limiter';
import { hashPassword } from './password';
import { resolveSessionUser } from './auth.service';

describe.each(testDatabases)('sign-in on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    await insertUser(handle.db, { username: 'wang', displayName: '王敏', passwordHash: await hashPassword('正确的密码-1'), role: 'admin', unitId: null }, TEST_NOW.toISOString());
  });
  afterEach(() => handle.destroy());

  it('stores argon2id hashes, never the password', async () => {
    const row = await handle.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('正确的密码');
  });

  it('signs in, sets an HttpOnly session cookie whose token resolves to the user, and audits it', async () => {
    const { ctx, cookies } = createTestContext(handle, null);
    const user = await createCaller(ctx).auth.login({ username: 'wang', password: '正确的密码-1' });
    expect(user).toMatchObject({ username: 'wang', role: 'admin' });
    expect(cookies.set).toHaveLength(1);
    const token = cookies.set[0]?.token ?? '';
    expect((await resolveSessionUser(handle.db, token, TEST_NOW))?.username).toBe('wang');
    // Expired after 8 hours.
    expect(await resolveSessionUser(handle.db, token, new Date(TEST_NOW.getTime() + 9 * 3600 * 1000))).toBeNull();
    const sessionRow = await handle.db.selectFrom('sessions').select('id').executeTakeFirstOrThrow();
    expect(sessionRow.id).not.toBe(token);
    expect((await listAuditEntries(handle.db, { entity: 'user', limit: 5 }))[0]?.action).toBe('auth.login');
  });

  it('refuses a wrong password with the same message as an unknown user', async () => {
    const caller = createCaller(createTestContext(handle, null).ctx);
    const wrong = await caller.auth.login({ username: 'wang', password: 'nope' }).catch((e: TRPCError) => e);
    const unknown = await caller.auth.login({ username: 'nobody', password: 'nope' }).catch((e: TRPCError) => e);
    expect(wrong).toBeInstanceOf(TRPCError);
    expect((wrong as TRPCError).message).toBe('用户名或密码错误');
    expect((unknown as TRPCError).message).toBe('用户名或密码错误');
  });

  it('rate-limits repeated failures, even with the right password afterwards', async () => {
    const limiter = new LoginRateLimiter(5, 15 * 60 * 1000);
    const caller = createCaller(createTestContext(handle, null, { loginLimiter: limiter }).ctx);
    for (let i = 0; i < 5; i++) await expect(caller.auth.login({ username: 'wang', password: 'bad' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.auth.login({ username: 'wang', password: '正确的密码-1' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('signs out: the session is deleted and the cookie cleared', async () => {
    const first = createTestContext(handle, null);
    const user = await createCaller(first.ctx).auth.login({ username: 'wang', password: '正确的密码-1' });
    const token = first.cookies.set[0]?.token ?? '';
    const second = createTestContext(handle, user, { sessionToken: token });
    await createCaller(second.ctx).auth.logout();
    expect(second.cookies.cleared).toBe(1);
    expect(await resolveSessionUser(handle.db, token, TEST_NOW)).toBeNull();
  });
});

describe('login rate limiter', () => {
  it('forgets failures after the window', () => {
    const limiter = new LoginRateLimiter(2, 1000);
    limiter.recordFailure('1.1.1.1', 'a', 0);
    limiter.recordFailure('1.1.1.1', 'a', 10);
    expect(limiter.retryAfterMs('1.1.1.1', 'a', 20)).toBe(980);
    expect(limiter.retryAfterMs('1.1.1.1', 'a', 1011)).toBe(0);
  });
  it('limits a username attacked from many addresses', () => {
    const limiter = new LoginRateLimiter(3, 1000);
    for (const ip of ['1', '2', '3']) limiter.recordFailure(ip, 'admin', 0);
    expect(limiter.retryAfterMs('4', 'admin', 1)).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('4', 'other', 1)).toBe(0);
  });
});
