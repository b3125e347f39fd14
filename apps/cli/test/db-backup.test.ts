// `kaoping db backup|restore`: a backup taken while another process keeps writing is consistent and
// complete up to its moment; restore refuses while a server holds the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeHandle, openSqlite } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { run } from '../src/commands/db';
import { captureCommand } from './capture-command';
import { spawnWriter, stopWriter } from './spawn-writer';

let dir: string;
let dbFile: string;
const saved = { file: process.env['KAOPING_DB_FILE'], cwd: process.env['INIT_CWD'], url: process.env['DATABASE_URL'] };

/** Sequence numbers the writer committed, as this file shows them. */
function committed(file: string): number[] {
  const sqlite = new SqliteDatabase(file, { readonly: true });
  try {
    return (sqlite.prepare("select detail from security_events where username = 'writer'").all() as { detail: string }[])
      .map((r) => Number(r.detail))
      .sort((a, b) => a - b);
  } finally {
    sqlite.close();
  }
}
function integrity(file: string): string {
  const sqlite = new SqliteDatabase(file, { readonly: true });
  try {
    return sqlite.pragma('integrity_check', { simple: true }) as string;
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaoping-backup-'));
  dbFile = join(dir, 'kaoping.db');
  process.env['KAOPING_DB_FILE'] = dbFile;
  process.env['INIT_CWD'] = dir;
  delete process.env['DATABASE_URL'];
  const handle = officeHandle(openSqlite(dbFile), 1);
  await migrateToLatest(handle.db);
  await handle.destroy();
});
afterAll(() => {
  process.env['KAOPING_DB_FILE'] = saved.file;
  process.env['INIT_CWD'] = saved.cwd;
  if (saved.url !== undefined) process.env['DATABASE_URL'] = saved.url;
  rmSync(dir, { recursive: true, force: true });
});

describe('kaoping db backup / restore', () => {
  it('backs up during a stream of writes: integrity ok, every row committed before it, no gaps; restore refuses while a server holds the file', async () => {
    const writer = await spawnWriter(dbFile, 'stream');
    try {
      while (committed(dbFile).length < 100) await new Promise((r) => setTimeout(r, 50));
      const before = committed(dbFile).length;
      const r = await captureCommand(run, ['backup', 'b1.db']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^已备份 .*kaoping\.db → .*b1\.db\(.* MB,完整性检查通过\)\n$/);
      const inBackup = committed(join(dir, 'b1.db'));
      expect(integrity(join(dir, 'b1.db'))).toBe('ok');
      expect(inBackup.length).toBeGreaterThanOrEqual(before);
      expect(inBackup).toEqual(Array.from({ length: inBackup.length }, (_, i) => i + 1)); // a consistent prefix
      // The writer went on meanwhile: the backup is a snapshot, not a stop.
      while (committed(dbFile).length <= inBackup.length) await new Promise((r) => setTimeout(r, 20));

      // A live process holds the file as the server does: restore refuses.
      writeFileSync(`${dbFile}.server.pid`, `${writer.pid}\n`);
      const refused = await captureCommand(run, ['restore', 'b1.db']);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/^考评服务\(进程 \d+\)正在使用 .*:请先停止服务,再恢复,然后重新启动服务$/);
    } finally {
      await stopWriter(writer);
    }
    // Server stopped (its pid is dead now): restore replaces the file and keeps the old one.
    const liveRows = committed(dbFile).length;
    const restored = await captureCommand(run, ['restore', 'b1.db']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/原数据库保留为 .*kaoping\.db\.before-restore-/);
    expect(integrity(dbFile)).toBe('ok');
    expect(committed(dbFile)).toEqual(committed(join(dir, 'b1.db')));
    expect(committed(dbFile).length).toBeLessThan(liveRows);
  }, 120_000);

  it('refuses to overwrite a file, refuses a file that is not a Kaoping database, and sends PostgreSQL to pg_dump', async () => {
    writeFileSync(join(dir, 'exists.db'), 'x');
    expect((await captureCommand(run, ['backup', 'exists.db'])).stderr).toMatch(/目标文件已存在/);
    writeFileSync(join(dir, 'junk.db'), 'not a database');
    const junk = await captureCommand(run, ['restore', 'junk.db']);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/^恢复失败:备份文件不可用:/);
    process.env['DATABASE_URL'] = 'postgres://u@127.0.0.1/x';
    try {
      expect((await captureCommand(run, ['backup', 'p.db'])).stderr).toMatch(/pg_dump/);
    } finally {
      delete process.env['DATABASE_URL'];
    }
  });
});
