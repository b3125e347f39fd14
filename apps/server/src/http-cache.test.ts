// ETag and Cache-Control on tRPC queries (issue #14): a dashboard GET's ETag comes from the office's
// data version, the user and the request, before any work; a repeated GET with it is 304 without a
// body; a publication or another versioned write changes it, writes the answer does not read (another
// office's, a sign-in, a period) do not; one user's tag is never another's; mutations are not touched.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@kaoping/api/auth/password';
import { importExampleInputs, setUpExample } from '@kaoping/api/assessment/assessment-test-fixtures';
import { sessionIdOf } from '@kaoping/api/auth/session-token';
import { officeHandle, openSqlite, type DatabaseHandle } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { insertOffice } from '@kaoping/db/offices/office.repository';
import { insertUser } from '@kaoping/db/users/user.repository';
import { createServer } from './create-server';
import { chinaDateClock } from './http-cache';

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
  const ranking = (headers: Record<string, string> = {}, as: string = cookie) =>
    fetch(`${base}/trpc/dashboard.ranking?input=${encodeURIComponent(JSON.stringify({ period: null, group: 'A' }))}`, {
      headers: { cookie: as, ...headers },
    });
  const signIn = async (username: string) => {
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  beforeAll(async () => {
    database = officeHandle(openSqlite(':memory:'), 1);
    await migrateToLatest(database.db);
    ex = await setUpExample(database);
    await importExampleInputs(ex.assessor, ex.q2.id);
    await importExampleInputs(ex.assessor, ex.q3.id);
    await publish(ex.q2.id);
    for (const username of ['reader', 'reader2'])
      await insertUser(
        database.db,
        { username, displayName: '读者', passwordHash: await hashPassword(PASSWORD), role: 'leader', unitId: null },
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

  it('keeps the ETag (304) across writes the answer does not read: another office’s units, a sign-in, a new period', async () => {
    cookie = await signIn('reader'); // the test above signed this reader out
    const etag = (await ranking()).headers.get('etag') ?? '';
    const across = acrossOffices(database.db);
    const other = await insertOffice(
      across,
      { code: 'yi', name: '乙市政务公开办公室', shortName: '乙市公开办', regionName: '乙市', kind: 'city', parentId: null },
      new Date().toISOString(),
    );
    const at = new Date().toISOString();
    await scopeToOffice(database.db, other.id)
      .insertInto('units')
      .values({
        code: 'Z01',
        name: '乙市单位',
        kind: 'county_gov',
        parent_id: null,
        tags: '[]',
        valid_from: '2020-01-01',
        valid_to: null,
        successor_id: null,
        note: '',
        version: 1,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
    await signIn('reader2');
    await database.db
      .insertInto('periods')
      .values({
        code: '2031Q1',
        kind: 'quarter',
        year: 2031,
        start_date: '2031-01-01',
        end_date: '2031-03-31',
        status: 'open',
        created_at: at,
      })
      .execute();
    const again = await ranking({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('changes the ETag with a write the answer reads (a unit renamed in this office)', async () => {
    const first = await ranking();
    const etag = first.headers.get('etag') ?? '';
    await database.db.updateTable('units').set({ name: '改名后的单位' }).where('code', '=', 'A01').execute();
    const after = await ranking({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('never gives one user’s ETag to another: the same request of another reader gets its own tag and the whole answer', async () => {
    const mine = (await ranking()).headers.get('etag') ?? '';
    const other = await signIn('reader2');
    const theirs = await ranking({ 'if-none-match': mine }, other);
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('etag')).not.toBe(mine);
    expect(((await theirs.json()) as { result: { data: { period: string } } }).result.data.period).toBe('2025Q3');
  });

  it('refuses a session ended in the database on its next request, even with a current ETag', async () => {
    const own = await signIn('reader2');
    const etag = (await ranking({}, own)).headers.get('etag') ?? '';
    const token = decodeURIComponent(own.slice(own.indexOf('=') + 1));
    // Another process (or the CLI) ends the session: only the database knows.
    await acrossOffices(database.db).deleteFrom('sessions').where('id', '=', sessionIdOf(token)).execute();
    const refused = await ranking({ 'if-none-match': etag }, own);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('etag')).toBeNull();
  });
});

describe('chinaDateClock', () => {
  it('gives China’s date, changing at midnight in China (16:00 UTC) and when the clock goes back', () => {
    const today = chinaDateClock();
    expect(today(new Date('2026-12-07T15:59:59.999Z'))).toBe('2026-12-07');
    expect(today(new Date('2026-12-07T00:00:00.000Z'))).toBe('2026-12-07');
    expect(today(new Date('2026-12-07T16:00:00.000Z'))).toBe('2026-12-08');
    expect(today(new Date('2026-12-08T15:59:59.999Z'))).toBe('2026-12-08');
    expect(today(new Date('2026-12-06T15:59:59.999Z'))).toBe('2026-12-06');
    expect(today(new Date('2027-01-01T03:00:00.000Z'))).toBe('2027-01-01');
  });
});
