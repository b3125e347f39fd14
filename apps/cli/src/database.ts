import { resolve } from 'node:path';
import { openDatabase, type DatabaseHandle } from '@kaoping/db/connect';

const repoRoot = resolve(new URL('.', import.meta.url).pathname, '../../..');

/** The same database the server uses: DATABASE_URL (postgres) or the SQLite file. */
export function openCliDatabase(env: NodeJS.ProcessEnv = process.env): { handle: DatabaseHandle; where: string } {
  const sqliteFile = resolve(repoRoot, env['KAOPING_DB_FILE'] ?? 'data/kaoping.db');
  const handle = openDatabase({ databaseUrl: env['DATABASE_URL'], sqliteFile });
  return { handle, where: handle.dialect === 'sqlite' ? sqliteFile : 'postgres' };
}

/** Relative paths are taken from where the user typed the command (pnpm runs scripts from the root). */
export function userPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['INIT_CWD'] ?? process.cwd(), path);
}
