import { resolve } from 'node:path';
import { backupSqlite, restoreSqlite } from '@kaoping/db/backup';
import { migrateToLatest } from '@kaoping/db/migrate';
import { serverHolding } from '@kaoping/db/server-lock';
import { CliError } from '../cli-error';
import { cliDatabaseConfig, openCliDatabase, userPath } from '../database';

const USAGE = 'usage: kaoping db migrate | kaoping db backup FILE | kaoping db restore FILE';
const PG_BACKUP = 'PostgreSQL 数据库请用 pg_dump 备份、pg_restore 恢复(见 docs/security.md「备份」)';

async function migrate(): Promise<number> {
  const { handle, where } = openCliDatabase();
  try {
    const result = await migrateToLatest(handle.db);
    const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    console.log(applied.length ? `applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}` : `${where} is up to date`);
    return 0;
  } finally {
    await handle.destroy();
  }
}

/** A consistent copy while the server keeps running (VACUUM INTO), checked before it is reported. */
function backup(file: string | undefined): number {
  if (!file) throw new CliError(USAGE);
  const config = cliDatabaseConfig();
  if (config.postgres) throw new CliError(PG_BACKUP);
  const dest = userPath(file);
  let result: ReturnType<typeof backupSqlite>;
  try {
    result = backupSqlite(config.sqliteFile, dest);
  } catch (error) {
    throw new CliError(`备份失败:${error instanceof Error ? error.message : String(error)}`, 1);
  }
  if (!result.check.ok) throw new CliError(`备份文件未通过完整性检查:${result.check.problems.join(';')}`, 1);
  process.stdout.write(`已备份 ${config.sqliteFile} → ${dest}(${(result.bytes / 1048576).toFixed(1)} MB,完整性检查通过)\n`);
  return 0;
}

/** Replaces the database by a backup; refuses while a server has it open. */
function restore(file: string | undefined): number {
  if (!file) throw new CliError(USAGE);
  const config = cliDatabaseConfig();
  if (config.postgres) throw new CliError(PG_BACKUP);
  const pid = serverHolding(config.sqliteFile);
  if (pid !== null) throw new CliError(`考评服务(进程 ${pid})正在使用 ${config.sqliteFile}:请先停止服务,再恢复,然后重新启动服务`, 3);
  const source = userPath(file);
  if (resolve(source) === resolve(config.sqliteFile)) throw new CliError('备份文件就是当前数据库文件');
  let keptAs: string | null;
  try {
    keptAs = restoreSqlite(source, config.sqliteFile, new Date().toISOString().replace(/[:.]/g, '-')).keptAs;
  } catch (error) {
    throw new CliError(`恢复失败:${error instanceof Error ? error.message : String(error)}`, 1);
  }
  process.stdout.write(`已从 ${source} 恢复 ${config.sqliteFile}${keptAs ? `;原数据库保留为 ${keptAs}` : ''}\n`);
  return 0;
}

export async function run(args: string[]): Promise<number> {
  switch (args[0]) {
    case 'migrate':
      return migrate();
    case 'backup':
      return backup(args[1]);
    case 'restore':
      return restore(args[1]);
    default:
      throw new CliError(USAGE);
  }
}
