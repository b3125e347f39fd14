// Finished answers sent again by ETag through the real server (answer-cache.ts, issue #14): a repeated
// versioned GET gets the very bytes and headers of the first answer (Brotli, gzip or as they are)
// without running the query again; a write that moves the office's version is answered anew; another
// user, the same user with another role, or another city of a province account never gets the bytes;
// errors and non-versioned queries are never kept; the cache keeps to its byte bound.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@kaoping/api/auth/password';
import { importExampleInputs, setUpExample } from '@kaoping/api/assessment/assessment-test-fixtures';
import { openSqlite, officeHandle, type DatabaseHandle } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { insertOffice } from '@kaoping/db/offices/office.repository';
import { upsertCalendarOverride } from '@kaoping/db/rectification/calendar.repository';
import { insertUser } from '@kaoping/db/users/user.repository';
import { AnswerCache } from './answer-cache';
import { COMPRESS_MIN_BYTES } from './compress-answers';
import { createServer } from './create-server';

const PASSWORD = '正确的密码-1';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('finished answers kept by ETag', () => {
  let database: DatabaseHandle;
  let server: Server;
  let base: string;
  let ex: Awaited<ReturnType<typeof setUpExample>>;
  const cache = new AnswerCache(4 * 1024 * 1024);
  const cookies: Record<string, string> = {};
  const publish = async (roundId: number) => {
    const { round } = await ex.assessor.assessment.rounds.get({ roundId });
    await ex.assessor.assessment.rounds.publish({ roundId, version: round.version });
  };
  const periodOf = (a: Answer) => (JSON.parse(text(a)) as { result: { data: { period: string } } }).result.data.period;

  const get = (path: string, input: unknown, headers: Record<string, string>): Promise<Answer> =>
    new Promise((resolve, reject) => {
      // Several procedures (a, b): a batch, its input keyed by position.
      const batch = path.includes(',') ? 'batch=1&' : '';
      const url = `${base}/trpc/${path}${input === undefined ? '' : `?${batch}input=${encodeURIComponent(JSON.stringify(input))}`}`;
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
  const ranking = (as = 'reader', headers: Record<string, string> = {}) =>
    get(
      'dashboard.ranking',
      { period: null, group: 'A' },
      { cookie: cookies[as] ?? '', 'accept-encoding': 'gzip, deflate, br', ...headers },
    );
  const text = (a: Answer) =>
    (a.headers['content-encoding'] === 'br'
      ? brotliDecompressSync(a.body)
      : a.headers['content-encoding'] === 'gzip'
        ? gunzipSync(a.body)
        : a.body
    ).toString('utf8');
  /** The headers that differ between two responses by nature (the clock, the connection). */
  const answerHeaders = (a: Answer) => {
    const { date: _date, 'keep-alive': _keepAlive, connection: _connection, ...rest } = a.headers;
    return rest;
  };
  const signIn = async (username: string) => {
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    cookies[username] = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  beforeAll(async () => {
    database = officeHandle(openSqlite(':memory:'), 1);
    await migrateToLatest(database.db);
    ex = await setUpExample(database);
    await importExampleInputs(ex.assessor, ex.q2.id);
    await importExampleInputs(ex.assessor, ex.q3.id);
    await publish(ex.q2.id);
    const at = new Date().toISOString();
    for (const username of ['reader', 'reader2'])
      await insertUser(
        database.db,
        { username, displayName: '读者', passwordHash: await hashPassword(PASSWORD), role: 'leader', unitId: null },
        at,
      );
    // A province over this city (office 1) and an empty one: its account reads either by X-Kaoping-Office.
    const across = acrossOffices(database.db);
    const province = await insertOffice(
      across,
      { code: 'sheng', name: '某省政务公开办公室', shortName: '省公开办', regionName: '某省', kind: 'province', parentId: null },
      at,
    );
    await across.updateTable('offices').set({ parent_id: province.id }).where('id', '=', 1).execute();
    const empty = await insertOffice(
      across,
      { code: 'yi', name: '乙市政务公开办公室', shortName: '乙市公开办', regionName: '乙市', kind: 'city', parentId: province.id },
      at,
    );
    expect(empty.id).toBe(3);
    await insertUser(
      scopeToOffice(across, province.id),
      { username: 'province', displayName: '省读者', passwordHash: await hashPassword(PASSWORD), role: 'leader', unitId: null },
      at,
    );
    server = createServer({ database, dashboardDir: null, secureCookies: false, answerCache: cache });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const username of ['reader', 'reader2', 'province']) await signIn(username);
  }, 60_000);
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await database.destroy();
  });

  it('sends a repeated query the same bytes and headers as the first answer, from the cache, for each encoding', async () => {
    for (const [path, input] of [
      ['dashboard.ranking', { period: null, group: 'A' }],
      ['dashboard.crossGroup', { period: null }],
      ['dashboard.overview', { period: null }],
    ] as const)
      for (const encoding of ['gzip, deflate, br', 'gzip', '']) {
        const hitsBefore = cache.hits;
        const headers = { cookie: cookies.reader ?? '', 'accept-encoding': encoding };
        const first = await get(path, input, headers);
        expect(first.status).toBe(200);
        const again = await get(path, input, headers);
        expect(cache.hits).toBe(hitsBefore + 1);
        expect(again.status).toBe(200);
        expect(again.body.equals(first.body)).toBe(true);
        expect(answerHeaders(again)).toEqual(answerHeaders(first));
        expect(Number(again.headers['content-length'])).toBe(again.body.byteLength);
        expect(first.headers['set-cookie']).toBeUndefined();
        expect(JSON.parse(text(again))).toHaveProperty('result.data');
        const compressed = Buffer.byteLength(text(first)) >= COMPRESS_MIN_BYTES && encoding !== '';
        expect(first.headers['content-encoding']).toBe(compressed ? (encoding.includes('br') ? 'br' : 'gzip') : undefined);
      }
  });

  it('waits for the first of simultaneous identical queries and sends its bytes to all', async () => {
    // An input asked for nowhere else: nothing kept for it yet.
    const input = { period: '2025Q2', group: 'A' };
    const [hits, waits, size] = [cache.hits, cache.waits, cache.size];
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => get('dashboard.ranking', input, { cookie: cookies.reader2 ?? '', 'accept-encoding': 'br' })),
    );
    expect(answers.every((a) => a.status === 200 && a.body.equals(answers[0]?.body ?? Buffer.alloc(0)))).toBe(true);
    // One computed it; the five others were sent its bytes (waiting for them, or finding them kept).
    expect(cache.hits - hits + (cache.waits - waits)).toBe(5);
    expect(cache.size).toBe(size + 1);
  });

  it('answers anew once a write moves the office’s version', async () => {
    const before = await ranking();
    expect(periodOf(before)).toBe('2025Q2');
    await publish(ex.q3.id);
    const hits = cache.hits;
    const after = await ranking();
    expect(cache.hits).toBe(hits);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(periodOf(after)).toBe('2025Q3');
    // A write the answer does not read (a renamed unit: the ranking shows the published names) moves the version too.
    await database.db.updateTable('units').set({ name: '改名后的单位' }).where('code', '=', 'A01').execute();
    const renamed = await ranking();
    expect(cache.hits).toBe(hits);
    expect(renamed.headers.etag).not.toBe(after.headers.etag);
  });

  it('never sends one user’s bytes to another, nor to the same user once their role changed', async () => {
    const mine = await ranking('reader');
    const theirs = await ranking('reader2');
    expect(theirs.status).toBe(200);
    expect(theirs.headers.etag).not.toBe(mine.headers.etag);
    await database.db.updateTable('users').set({ role: 'admin' }).where('username', '=', 'reader2').execute();
    const asAdmin = await ranking('reader2');
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.etag).not.toBe(theirs.headers.etag);
    await database.db.updateTable('users').set({ role: 'leader' }).where('username', '=', 'reader2').execute();
  });

  it('never sends a province account the bytes of one of its cities for another', async () => {
    const city = await ranking('province', { 'x-kaoping-office': '1' });
    expect(city.status).toBe(200);
    expect(text(city)).toContain('江临县人民政府');
    for (let i = 0; i < 2; i++) {
      const empty = await ranking('province', { 'x-kaoping-office': '3' });
      expect(empty.headers.etag).not.toBe(city.headers.etag);
      expect(empty.body.equals(city.body)).toBe(false);
      expect(text(empty)).not.toContain('江临县人民政府');
    }
    // And the city's own readers have their own tags.
    expect((await ranking('reader')).headers.etag).not.toBe(city.headers.etag);
  });

  it('keeps a ledger page, and answers anew once the work calendar changes (it counts overdue working days)', async () => {
    const ledger = () => get('rectification.ledger', { page: 1, pageSize: 20 }, { cookie: cookies.reader ?? '', 'accept-encoding': 'br' });
    const first = await ledger();
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBeDefined();
    const hits = cache.hits;
    const again = await ledger();
    expect(cache.hits).toBe(hits + 1);
    expect(again.body.equals(first.body)).toBe(true);
    await upsertCalendarOverride(database.db, { date: '2031-10-08', kind: 'holiday', name: '国庆' }, new Date().toISOString());
    const after = await ledger();
    expect(cache.hits).toBe(hits + 1);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
  });

  it('keeps no error: a refused query is refused again, computed each time', async () => {
    const size = cache.size;
    for (let i = 0; i < 2; i++) {
      const missing = await get('dashboard.unitProfile', { unitId: 999_999, period: null }, { cookie: cookies.reader ?? '' });
      expect(missing.status).toBeGreaterThanOrEqual(400);
      expect(missing.headers.etag).toBeUndefined();
      const anonymous = await get('dashboard.ranking', { period: null, group: 'A' }, {});
      expect(anonymous.status).toBe(401);
    }
    expect(cache.size).toBe(size);
  });

  it('keeps no answer of a query outside the versioned ones', async () => {
    const size = cache.size;
    const hits = cache.hits;
    for (let i = 0; i < 2; i++) {
      const me = await get('auth.me', undefined, { cookie: cookies.reader ?? '' });
      expect(me.status).toBe(200);
      expect(me.headers.etag).toBeUndefined();
    }
    expect(cache.size).toBe(size);
    expect(cache.hits).toBe(hits);
  });

  it('keeps no streamed answer (its status is sent before its calls end)', async () => {
    const [size, hits] = [cache.size, cache.hits];
    for (let i = 0; i < 2; i++) {
      const streamed = await get(
        'dashboard.ranking,dashboard.crossGroup',
        { 0: { period: null, group: 'A' }, 1: { period: null } },
        { cookie: cookies.reader ?? '', 'trpc-accept': 'application/jsonl' },
      );
      expect(streamed.status).toBe(200);
    }
    expect(cache.size).toBe(size);
    expect(cache.hits).toBe(hits);
  });

  it('keeps to its byte bound', () => {
    expect(cache.size).toBeGreaterThan(3);
    expect(cache.byteSize).toBeLessThanOrEqual(4 * 1024 * 1024);
  });
});

describe('a small answer cache', () => {
  it('pushes out the oldest answers to stay within its bound while the server answers correctly', async () => {
    const database = officeHandle(openSqlite(':memory:'), 1);
    await migrateToLatest(database.db);
    const ex = await setUpExample(database);
    await importExampleInputs(ex.assessor, ex.q2.id);
    const { round } = await ex.assessor.assessment.rounds.get({ roundId: ex.q2.id });
    await ex.assessor.assessment.rounds.publish({ roundId: ex.q2.id, version: round.version });
    await insertUser(
      database.db,
      { username: 'reader', displayName: '读者', passwordHash: await hashPassword(PASSWORD), role: 'leader', unitId: null },
      new Date().toISOString(),
    );
    const cache = new AnswerCache(16 * 1024);
    const server = createServer({ database, dashboardDir: null, secureCookies: false, answerCache: cache });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const login = await fetch(`${base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'reader', password: PASSWORD }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const seen = new Set<string>();
      for (const group of ['A', 'B1', 'A', 'B1'])
        for (const period of ['2025Q2', null]) {
          const res = await fetch(`${base}/trpc/dashboard.ranking?input=${encodeURIComponent(JSON.stringify({ period, group }))}`, {
            headers: { cookie, 'accept-encoding': 'identity' },
          });
          expect(res.status).toBe(200);
          seen.add(res.headers.get('etag') ?? '');
          expect(cache.byteSize).toBeLessThanOrEqual(16 * 1024);
        }
      expect(seen.size).toBe(4);
      expect(cache.size).toBeLessThan(4 + 1);
    } finally {
      await new Promise((r) => server.close(r));
      await database.destroy();
    }
  }, 60_000);
});
