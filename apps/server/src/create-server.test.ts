import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@kaoping/api/auth/password';
import { DEFAULT_THROTTLE_POLICY } from '@kaoping/api/auth/login-rate-limiter';
import { maxAttemptsWithin } from '@kaoping/domain/security/login-delay';
import { officeHandle, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { insertUser } from '@kaoping/db/users/user.repository';
import { createServer, MAX_BATCH_SIZE, MAX_BODY_BYTES } from './create-server';

const PASSWORD = '正确的密码-1';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = { 'content-type': 'application/json' };

describe('HTTP host security', () => {
  let database: DatabaseHandle;
  let server: Server;
  let base: string;
  let secureServer: Server;
  let secureBase: string;

  beforeAll(async () => {
    database = officeHandle(openSqlite(':memory:'), 1);
    await migrateToLatest(database.db);
    await insertUser(
      database.db,
      { username: 'wang', displayName: '王敏', passwordHash: await hashPassword(PASSWORD), role: 'admin', unitId: null },
      new Date().toISOString(),
    );
    await insertUser(
      database.db,
      { username: 'li', displayName: '李', passwordHash: await hashPassword(PASSWORD), role: 'assessor', unitId: null },
      new Date().toISOString(),
    );
    server = createServer({ database, dashboardDir: null, secureCookies: false, trustedProxies: ['127.0.0.1'] });
    base = await listen(server);
    secureServer = createServer({ database, dashboardDir: null, secureCookies: true });
    secureBase = await listen(secureServer);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await new Promise((r) => secureServer.close(r));
    await database.destroy();
  });

  it('refuses a batch that carries auth.login, whatever its size, without checking any password', async () => {
    const login = (n: number, ip: string) =>
      fetch(`${base}/trpc/${Array.from({ length: n }, () => 'auth.login').join(',')}?batch=1`, {
        method: 'POST',
        headers: { ...json, 'x-forwarded-for': ip },
        body: JSON.stringify(
          Object.fromEntries(
            Array.from({ length: n }, (_, i) => [i, { username: 'wang', password: i === n - 1 ? PASSWORD : `guess-${i}` }]),
          ),
        ),
      });
    const hundred = await login(100, '198.51.100.10');
    expect(hundred.status).toBe(400);
    expect(hundred.headers.get('set-cookie')).toBeNull();
    const two = await login(2, '198.51.100.11');
    expect(two.status).toBe(400);
    expect(two.headers.get('set-cookie')).toBeNull();
    const body = (await two.json()) as { error: { message: string } }[];
    expect(body[0]?.error.message).toBe('登录请求不能与其他请求合并发送,请单独提交');
    // Nothing was counted against the account: the real user signs in at once.
    const alone = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { ...json, 'x-forwarded-for': '198.51.100.12' },
      body: JSON.stringify({ username: 'wang', password: PASSWORD }),
    });
    expect(alone.status).toBe(200);
    expect(alone.headers.get('set-cookie')).toMatch(/^kp_session=[\w-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it(`caps every batch at ${MAX_BATCH_SIZE} calls`, async () => {
    const paths = (n: number) => Array.from({ length: n }, () => 'auth.me').join(',');
    expect((await fetch(`${base}/trpc/${paths(MAX_BATCH_SIZE)}?batch=1&input={}`)).status).toBe(200);
    expect((await fetch(`${base}/trpc/${paths(MAX_BATCH_SIZE + 1)}?batch=1&input={}`)).status).toBe(400);
  });

  it('checks at most the free attempts when 100 wrong sign-ins arrive at once from one address', async () => {
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${base}/trpc/auth.login`, {
          method: 'POST',
          headers: { ...json, 'x-forwarded-for': '203.0.113.50' },
          body: JSON.stringify({ username: 'li', password: i === 99 ? PASSWORD : `guess-${i}` }),
        }).then((r) => r.status),
      ),
    );
    // Three are free; then 1 s, 2 s, … between attempts: on a slow machine a few more may pass the clock.
    const checked = results.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(maxAttemptsWithin(Date.now() - started, DEFAULT_THROTTLE_POLICY.pair));
    expect(checked + results.filter((s) => s === 429).length).toBe(100);
    expect(results).not.toContain(200);
    expect(results).not.toContain(500);
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const untrusted = createServer({ database, dashboardDir: null, secureCookies: false });
    const untrustedBase = await listen(untrusted);
    const fail = (at: string, xff: string) =>
      fetch(`${at}/trpc/auth.login`, {
        method: 'POST',
        headers: { ...json, 'x-forwarded-for': xff },
        body: JSON.stringify({ username: 'nobody-xff', password: 'x' }),
      });
    await fail(base, '10.9.9.9, 203.0.113.80'); // trusted proxy: the nearest hop is the client
    await fail(untrustedBase, '203.0.113.81'); // anyone else: the header is ignored
    await new Promise((r) => untrusted.close(r));
    const ips = await database.db
      .selectFrom('security_events')
      .select('client_ip')
      .where('username', '=', 'nobody-xff')
      .orderBy('id')
      .execute();
    expect(ips.map((r) => r.client_ip)).toEqual(['203.0.113.80', '127.0.0.1']);
  });

  it('treats a malformed session cookie as no session, sign-in included', async () => {
    for (const cookie of [
      'kp_session=%E0%A4%A',
      'kp_session="unterminated',
      'kp_session=' + 'x'.repeat(5000),
      '=;;=kp_session',
      'kp_session=%00%0d%0a',
    ]) {
      const me = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
      expect(me.status, cookie).toBe(200);
      expect(((await me.json()) as { result: { data: unknown } }).result.data).toBeNull();
      const login = await fetch(`${base}/trpc/auth.login`, {
        method: 'POST',
        headers: { ...json, cookie, 'x-forwarded-for': '192.0.2.200' },
        body: JSON.stringify({ username: 'wang', password: PASSWORD }),
      });
      expect(login.status, cookie).toBe(200);
    }
  });

  it('forbids framing everywhere and sends HSTS only when cookies are secure', async () => {
    for (const path of ['/healthz', '/trpc/auth.me', '/']) {
      const r = await fetch(`${base}${path}`);
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('strict-transport-security')).toBeNull();
    }
    expect((await fetch(`${secureBase}/healthz`)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('refuses mutations from another origin: a multipart form post, a cross-site fetch, a JSON post with a foreign Origin', async () => {
    const form = new FormData();
    form.set('x', '1');
    const multipart = await fetch(`${base}/trpc/auth.logout`, { method: 'POST', body: form, headers: { origin: 'https://evil.example' } });
    expect(multipart.status).toBe(403);
    expect(((await multipart.json()) as { error: { message: string } }).error.message).toBe('拒绝来自其他网站的请求');
    const sameOriginForm = await fetch(`${base}/trpc/auth.logout`, { method: 'POST', body: form });
    expect(sameOriginForm.status).toBe(403);
    expect(((await sameOriginForm.json()) as { error: { message: string } }).error.message).toBe('请求格式不受支持:接口只接受 JSON');
    const crossSite = await fetch(`${base}/trpc/auth.logout`, {
      method: 'POST',
      headers: { ...json, 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const foreign = await fetch(`${base}/trpc/auth.logout`, {
      method: 'POST',
      headers: { ...json, origin: 'http://attacker.test' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const own = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { ...json, origin: base, 'sec-fetch-site': 'same-origin', 'x-forwarded-for': '192.0.2.201' },
      body: JSON.stringify({ username: 'wang', password: PASSWORD }),
    });
    expect(own.status).toBe(200);
  });
});

describe('messages users see for transport and validation errors', () => {
  let database: DatabaseHandle;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    database = officeHandle(openSqlite(':memory:'), 1);
    await migrateToLatest(database.db);
    server = createServer({ database, dashboardDir: null, secureCookies: false });
    base = await listen(server);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await database.destroy();
  });

  const messageOf = async (r: Response) => {
    const body = (await r.json()) as { error: { message: string } } | { error: { message: string } }[];
    return Array.isArray(body) ? (body[0]?.error.message ?? '') : body.error.message;
  };

  it('are Chinese: broken JSON, a body over the cap, too many batched calls, an unknown path, a bad number', async () => {
    expect(await messageOf(await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: json, body: '{"username":' }))).toBe(
      '请求内容不是有效的 JSON',
    );
    const big = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(MAX_BODY_BYTES) }),
    });
    expect(big.status).toBe(413);
    expect(await messageOf(big)).toMatch(/^请求内容过大\(上限约 \d+ MB\),请压缩文件或分批上传$/);
    expect(
      await messageOf(
        await fetch(`${base}/trpc/${Array.from({ length: MAX_BATCH_SIZE + 1 }, () => 'auth.me').join(',')}?batch=1&input={}`),
      ),
    ).toBe(`一次合并发送的请求过多(上限 ${MAX_BATCH_SIZE} 个),请减少后重试`);
    expect(await messageOf(await fetch(`${base}/trpc/nothing.here`))).toBe('请求的接口不存在');
    // zod issues without a message of their own: zh-CN wording (schema-level wording is kept).
    const tooLong = await messageOf(
      await fetch(`${base}/trpc/auth.login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: 'x'.repeat(100), password: 1e300 }),
      }),
    );
    expect(tooLong).toMatch(/^username:.*[\u4e00-\u9fff].*;password:.*[\u4e00-\u9fff]/u);
    expect(tooLong).not.toMatch(/Too big|Invalid input|expected string/);
  });
});

describe('inputs refused before any schema or database sees them', () => {
  let database: DatabaseHandle;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    database = officeHandle(openSqlite(':memory:'), 1);
    await migrateToLatest(database.db);
    server = createServer({ database, dashboardDir: null, secureCookies: false });
    base = await listen(server);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await database.destroy();
  });

  const post = async (path: string, body: string) => {
    const r = await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: json, body });
    return { status: r.status, message: ((await r.json()) as { error: { message: string } }).error.message };
  };

  it('a NUL anywhere in the input: 400 with a Chinese message (PostgreSQL answered 500)', async () => {
    expect(await post('auth.login', JSON.stringify({ username: 'wang\u0000', password: 'x' }))).toEqual({
      status: 400,
      message: '内容中含有不允许的空字符(NUL),请删除后重试',
    });
  });

  it('input nested 5,000 levels deep: 400 with a clear message, no stack overflow', async () => {
    let deep = '{"name":"叶"}';
    for (let i = 0; i < 5000; i++) deep = `{"name":"节点${i}","children":[${deep}]}`;
    const answer = await post('auth.login', deep);
    expect(answer).toEqual({ status: 400, message: '输入的层级过深(超过 100 层),请检查内容' });
  });
});
