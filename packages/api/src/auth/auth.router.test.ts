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
    await insertUser(
      handle.db,
      { username: 'wang', displayName: '王敏', passwordHash: await hashPassword('正确的密码-1'), role: 'admin', unitId: null },
      TEST_NOW.toISOString(),
    );
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

  it('counts attempts before checking them: 40 concurrent guesses, only the free ones are checked', async () => {
    const limiter = new LoginRateLimiter();
    const caller = createCaller(createTestContext(handle, null, { loginLimiter: limiter, clientIp: '203.0.113.9' }).ctx);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => caller.auth.login({ username: 'wang', password: i === 39 ? '正确的密码-1' : `guess-${i}` })),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as TRPCError).code : 'OK'));
    // Three attempts are free per account and address; the rest are refused unchecked, the right password too.
    expect(codes.filter((c) => c === 'UNAUTHORIZED').length).toBeLessThanOrEqual(3);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(37);
    expect(codes).not.toContain('OK');
    const refused = results.find((r) => r.status === 'rejected' && (r.reason as TRPCError).code === 'TOO_MANY_REQUESTS');
    expect(refused?.status === 'rejected' && (refused.reason as TRPCError).message).toMatch(/^登录尝试过于频繁,请 \d+ (秒|分钟)后再试$/);
  });

  it('delays progressively per account and address, and a wait lets the right password in', async () => {
    let nowMs = TEST_NOW.getTime();
    const limiter = new LoginRateLimiter();
    const at = (ip: string) =>
      createCaller(createTestContext(handle, null, { loginLimiter: limiter, clientIp: ip, now: () => new Date(nowMs) }).ctx);
    for (let i = 0; i < 3; i++)
      await expect(at('198.51.100.1').auth.login({ username: 'wang', password: 'bad' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(at('198.51.100.1').auth.login({ username: 'wang', password: '正确的密码-1' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    // The real user at another address is not locked out by the guesser.
    await expect(at('198.51.100.2').auth.login({ username: 'wang', password: '正确的密码-1' })).resolves.toMatchObject({
      username: 'wang',
    });
    // The guesser's own wait doubles: 1 s after the third failure, 2 s after the fourth.
    nowMs += 1000;
    await expect(at('198.51.100.1').auth.login({ username: 'wang', password: 'bad' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    nowMs += 1500;
    await expect(at('198.51.100.1').auth.login({ username: 'wang', password: 'bad' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    nowMs += 600;
    await expect(at('198.51.100.1').auth.login({ username: 'wang', password: '正确的密码-1' })).resolves.toMatchObject({
      username: 'wang',
    });
  });

  it('keeps its state in the database: a second limiter (another process) sees the same counts', async () => {
    const first = createCaller(createTestContext(handle, null, { loginLimiter: new LoginRateLimiter(), clientIp: '192.0.2.7' }).ctx);
    for (let i = 0; i < 3; i++)
      await expect(first.auth.login({ username: 'wang', password: 'bad' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const second = createCaller(createTestContext(handle, null, { loginLimiter: new LoginRateLimiter(), clientIp: '192.0.2.7' }).ctx);
    await expect(second.auth.login({ username: 'wang', password: '正确的密码-1' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('forgets quiet keys, so unknown usernames do not pile up', async () => {
    let nowMs = TEST_NOW.getTime();
    const caller = createCaller(createTestContext(handle, null, { now: () => new Date(nowMs) }).ctx);
    for (let i = 0; i < 50; i++)
      await expect(caller.auth.login({ username: `nobody-${i}`, password: 'x' })).rejects.toMatchObject({
        code: expect.stringMatching(/UNAUTHORIZED|TOO_MANY_REQUESTS/),
      });
    expect(
      Number(
        (
          await handle.db
            .selectFrom('login_throttle')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(10);
    nowMs += 25 * 3600_000;
    await expect(caller.auth.login({ username: 'wang', password: '正确的密码-1' })).resolves.toMatchObject({ username: 'wang' });
    expect(
      Number(
        (
          await handle.db
            .selectFrom('login_throttle')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeLessThanOrEqual(1);
  });

  it('records failed sign-ins in a security log the office can read, and only the office', async () => {
    const caller = createCaller(createTestContext(handle, null, { clientIp: '192.0.2.99' }).ctx);
    await expect(caller.auth.login({ username: 'wang', password: 'bad' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller.auth.login({ username: 'ghost', password: 'bad' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const admin = { id: 1, username: 'wang', displayName: '王敏', role: 'admin' as const, unitId: null, unitName: null, officeId: 1 };
    const events = await createCaller(createTestContext(handle, admin).ctx).security.failedSignIns({ limit: 10 });
    expect(events.map((e) => [e.username, e.clientIp, e.detail])).toEqual([
      ['ghost', '192.0.2.99', '用户不存在'],
      ['wang', '192.0.2.99', '密码错误'],
    ]);
    await expect(
      createCaller(createTestContext(handle, { ...admin, role: 'assessor' }).ctx).security.failedSignIns({ limit: 10 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
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
