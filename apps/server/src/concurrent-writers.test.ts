// The CLI importing (long write transactions in another process) while the server takes writes:
// the server's writes wait for the lock and succeed; none answers 500.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeHandle, openSqlite } from '@kaoping/db/connect';
import { spawnWriter, stopWriter } from '../../cli/test/spawn-writer';
import { startTestServer, type TestServer } from '../test/signed-in-server';

describe('server writes while a CLI-like process holds the write lock', () => {
  let dir: string;
  let app: TestServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kp-writers-'));
    app = await startTestServer({ database: officeHandle(openSqlite(join(dir, 'kaoping.db')), 1) });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every unit creation with 200 while 200-row transactions hold the lock ~300 ms each', async () => {
    const cookie = await app.cookieFor(app.org.users.admin.id);
    const writer = await spawnWriter(join(dir, 'kaoping.db'), 'hold');
    let statuses: number[];
    try {
      statuses = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          fetch(`${app.base}/trpc/units.create`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({
              code: `C${String(i).padStart(2, '0')}`,
              name: `并发测试单位${i}`,
              kind: 'city_dept',
              validFrom: '2026-01-01',
            }),
          }).then(async (r) => (r.status === 200 ? 200 : (console.error(await r.text()), r.status))),
        ),
      );
    } finally {
      await stopWriter(writer);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const units = await app.database.db.selectFrom('units').select('code').where('code', 'like', 'C%').execute();
    expect(units).toHaveLength(24);
    const writerRows = await app.database.db
      .selectFrom('security_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('username', '=', 'writer')
      .executeTakeFirstOrThrow();
    expect(Number(writerRows.n)).toBeGreaterThan(0);
  }, 120_000);
});
