import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeHandle, openSqlite, type DatabaseHandle } from '../connect';
import { migrateToLatest } from '../migrate';
import { createMigratedTestDatabase, testDatabases } from '../testing/test-databases';
import { readDatabaseVersion } from './database-version';

const period = (code: string) => ({
  code,
  kind: 'quarter',
  year: 2031,
  start_date: '2031-01-01',
  end_date: '2031-03-31',
  status: 'open',
  created_at: '2031-01-01T00:00:00.000Z',
});

describe.each(testDatabases)('database version on $name', (factory) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createMigratedTestDatabase(factory);
  });
  afterAll(() => handle?.destroy());

  it('stays the same across reads and moves with every committed write, in or out of a transaction', async () => {
    const db = handle.db;
    const first = await readDatabaseVersion(db);
    expect(first).not.toBeNull();
    await db.selectFrom('units').selectAll().execute();
    expect(await readDatabaseVersion(db)).toBe(first);
    await db.insertInto('periods').values(period('2031Q1')).execute();
    const second = await readDatabaseVersion(db);
    expect(second).not.toBe(first);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('periods').set({ status: 'closed' }).where('code', '=', '2031Q1').execute();
    });
    expect(await readDatabaseVersion(db)).not.toBe(second);
  });
});

describe('database version on SQLite with two connections (a second process, the CLI)', () => {
  let dir: string;
  let a: DatabaseHandle;
  let b: DatabaseHandle;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kp-version-'));
    a = officeHandle(openSqlite(join(dir, 'v.db')), 1);
    await migrateToLatest(a.db);
    b = officeHandle(openSqlite(join(dir, 'v.db')), 1);
  });
  afterAll(async () => {
    await a.destroy();
    await b.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves when the other connection commits', async () => {
    const before = await readDatabaseVersion(a.db);
    await b.db.insertInto('periods').values(period('2031Q2')).execute();
    expect(await readDatabaseVersion(a.db)).not.toBe(before);
  });
});
