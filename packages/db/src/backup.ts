// Backup and restore of the SQLite file. A file copy while the server runs is not a backup: the
// newest commits may still be in the -wal file. VACUUM INTO writes a consistent snapshot (one read
// transaction) into a new compact file while the server keeps writing. PostgreSQL uses pg_dump
// (docs/security.md).
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

export interface SqliteFileCheck {
  ok: boolean;
  /** `integrity_check` result lines ('ok' when sound), or why the file is not a database. */
  problems: string[];
  migrations: number;
}

/** Opens read-only and runs integrity_check; never throws for a bad file. */
export function checkSqliteFile(file: string): SqliteFileCheck {
  let sqlite: SqliteDatabase.Database | undefined;
  try {
    sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const lines = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const hasMigrations = sqlite
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get() as { n: number };
    const migrations = hasMigrations.n > 0 ? (sqlite.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n : 0;
    const ok = lines.length === 1 && lines[0] === 'ok' && migrations > 0;
    return {
      ok,
      problems: ok ? [] : migrations === 0 ? ['不是考评数据库(没有迁移记录)', ...lines.filter((l) => l !== 'ok')] : lines,
      migrations,
    };
  } catch (error) {
    return { ok: false, problems: [`无法作为 SQLite 数据库打开:${error instanceof Error ? error.message : String(error)}`], migrations: 0 };
  } finally {
    sqlite?.close();
  }
}

/** A consistent snapshot of `sourceFile` in `destFile` (which must not exist), taken while others write. */
export function backupSqlite(sourceFile: string, destFile: string): { bytes: number; check: SqliteFileCheck } {
  if (existsSync(destFile)) throw new Error(`目标文件已存在:${destFile}(不会覆盖,请换一个文件名)`);
  const sqlite = new SqliteDatabase(sourceFile, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 10000');
    sqlite.prepare('vacuum into ?').run(destFile);
  } finally {
    sqlite.close();
  }
  return { bytes: statSync(destFile).size, check: checkSqliteFile(destFile) };
}

/**
 * Replaces `targetFile` by the backup. The caller makes sure no server has the file open (see
 * server-lock.ts). The previous file is kept beside it as `<target>.before-restore-<stamp>`.
 */
export function restoreSqlite(backupFile: string, targetFile: string, stamp: string): { keptAs: string | null } {
  const check = checkSqliteFile(backupFile);
  if (!check.ok) throw new Error(`备份文件不可用:${check.problems.join(';')}`);
  const staging = `${targetFile}.restoring`;
  copyFileSync(backupFile, staging);
  let keptAs: string | null = null;
  if (existsSync(targetFile)) {
    // Fold the old file's WAL into it first so what is kept is complete on its own.
    const old = new SqliteDatabase(targetFile);
    try {
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
    keptAs = `${targetFile}.before-restore-${stamp}`;
    renameSync(targetFile, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${targetFile}${suffix}`, { force: true });
  renameSync(staging, targetFile);
  return { keptAs };
}
