// ETag and Cache-Control on tRPC queries (issue #14): a repeated GET with the ETag is 304 without
// a body; a new publication changes the answer and so its ETag; mutations are not touched.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@kaoping/api/auth/password';
import { importExampleInputs, setUpExample } from '@kaoping/api/assessment/assessment-test-fixtures';
import { officeHandle, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { insertUser } from '@kaoping/db/users/user.repository';
import { createServer } from './create-server';

const PASSWORD = '正确的密码-1';

describe('HTTP revalidation of queries', () => {
  let database: DatabaseHandle;
  let server: Server;
  let base: string;
  let cookie: string;
  let ex: Awaited<ReturnType<typeof setUpExample>>;

  const publish = async (roundId: number) => {
    const { round } = await ex.assessor.assessment.rounds.get({ roundId });
    await ex.assessor.assessment.rounds.publish({ roundId, version: round.version });
  };
  const ranking = (headers: Record<string, string> = {}) =>
    fetch(`${base}/trpc/dashboard.ranking?input=${encodeURIComponent(JSON.stringify({ period: null, group: 'A' }))}`, {
      headers: { cookie, ...headers },
    });

  beforeAll(async () => {
    database = officeHandle(openSqlite(':memory:'), 1);
    await migrateToLatest(database.db);
    ex = await setUpExample(database);
    await importExampleInputs(ex.assessor, ex.q2.id);
    await importExampleInputs(ex.assessor, ex.q3.id);
    await publish(ex.q2.id);
    await insertUser(
      database.db,
      { username: 'reader', displayName: '读者', passwordHash: await hashPassword(PASSWORD), role: 'leader', unitId: null },
      new Date().toISOString(),
    );
    server = createServer({ database, dashboardDir: null, secureCookies: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'reader', password: PASSWORD }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(login.headers.get('etag')).toBeNull();
  }, 60_000);
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await database.destroy();
  });

  it('answers a query with a strong ETag and private revalidation, then 304 without a body for the same ETag', async () => {
    const first = await ranking();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const body = (await first.json()) as { result: { data: { period: string } } };
    expect(body.result.data.period).toBe('2025Q2');

    const again = await ranking({ 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    // A different ETag (another body) gets the full answer.
    const other = await ranking({ 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).toBe(etag);
    expect(((await other.json()) as typeof body).result.data.period).toBe('2025Q2');
  });

  it('gives a new ETag once a new quarter is published, and the old one no longer matches', async () => {
    const before = (await ranking()).headers.get('etag') ?? '';
    await publish(ex.q3.id);
    const after = await ranking({ 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    expect(((await after.json()) as { result: { data: { period: string } } }).result.data.period).toBe('2025Q3');
  });

  it('leaves errors and mutations alone', async () => {
    const anonymous = await fetch(
      `${base}/trpc/dashboard.ranking?input=${encodeURIComponent(JSON.stringify({ period: null, group: 'A' }))}`,
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('etag')).toBeNull();
    const logout = await fetch(`${base}/trpc/auth.logout`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' } });
    expect(logout.headers.get('etag')).toBeNull();
  });
});
