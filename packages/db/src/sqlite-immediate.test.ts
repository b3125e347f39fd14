import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@kaoping/domain/errors/domain-error';
import { officeHandle, openSqlite, type DatabaseHandle } from './connect';
import { migrateToLatest } from './migrate';
import { DATABASE_BUSY_MESSAGE } from './sqlite-immediate';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Two handles on one file behave like two processes (the CLI and the server): separate connections.
describe('SQLite writers on one file', () => {
  let dir: string;
  let cli: DatabaseHandle;
  let server: DatabaseHandle;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kp-busy-'));
    cli = officeHandle(openSqlite(join(dir, 'k.db')), 1);
    await migrateToLatest(cli.db);
    server = officeHandle(openSqlite(join(dir, 'k.db'), { busy: { maxWaitMs: 10_000 } }), 1);
  });
  afterEach(async () => {
    await cli.destroy();
    await server.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const event = (db: DatabaseHandle['db'], n: number) =>
    db
      .insertInto('security_events')
      .values({ at: new Date(n).toISOString(), kind: 'login_failed', username: `u${n}`, client_ip: '127.0.0.1', detail: '' })
      .execute();

  it('a server transaction waits for the CLI transaction and then commits; the event loop keeps running', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const cliWork = cli.db.transaction().execute(async (trx) => {
      await event(trx, 1);
      await sleep(800); // the CLI holds the write lock for a while
      await event(trx, 2);
    });
    await sleep(50);
    const serverWork = server.db.transaction().execute(async (trx) => {
      await event(trx, 3);
      await event(trx, 4);
    });
    const plain = event(server.db, 5); // a statement outside any transaction waits too
    await Promise.all([cliWork, serverWork, plain]);
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(40); // not frozen by a synchronous busy wait
    const rows = await server.db.selectFrom('security_events').select('username').orderBy('username').execute();
    expect(rows.map((r) => r.username)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
  });

  it('gives up after its bound with a Chinese "unavailable" error, never a raw SqliteError', async () => {
    const impatient = officeHandle(openSqlite(join(dir, 'k.db'), { busy: { maxWaitMs: 200 } }), 1);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const cliWork = cli.db.transaction().execute(async (trx) => {
      await event(trx, 1);
      await held;
    });
    await sleep(50);
    const error = await impatient.db
      .transaction()
      .execute((trx) => event(trx, 2))
      .catch((e: unknown) => e);
    const plainError = await event(impatient.db, 3).catch((e: unknown) => e);
    release();
    await cliWork;
    await impatient.destroy();
    for (const e of [error, plainError]) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ kind: 'unavailable', message: DATABASE_BUSY_MESSAGE });
    }
  });
});
