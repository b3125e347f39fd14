// Which database the CLI opens (from env.ts), checked with zod so a bad value stops the command
// with a Chinese message naming the variable.
import { resolve } from 'node:path';
import { z } from 'zod';
import { officeHandle, openDatabase, type DatabaseHandle } from '@kaoping/db/connect';
import { CliError } from './cli-error';
import { cliEnv, type CliEnv } from './env';

const repoRoot = resolve(new URL('.', import.meta.url).pathname, '../../..');

const cliEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      '环境变量 DATABASE_URL 应为 postgres:// 开头的 PostgreSQL 连接串;使用 SQLite 时不要设置它,改用 KAOPING_DB_FILE',
    )
    .optional(),
  KAOPING_DB_FILE: z.string().default('data/kaoping.db'),
  KAOPING_OFFICE: z.coerce
    .number({ message: '环境变量 KAOPING_OFFICE 应为单位(办公室)编号,例如 1' })
    .int('环境变量 KAOPING_OFFICE 应为整数')
    .positive('环境变量 KAOPING_OFFICE 应为正整数')
    .default(1),
});

export interface CliDatabaseConfig {
  postgres: boolean;
  databaseUrl: string | undefined;
  sqliteFile: string;
  /** The office the command works in (KAOPING_OFFICE, default 1: the single office of today's deployments). */
  officeId: number;
}

export function cliDatabaseConfig(env: CliEnv = cliEnv()): CliDatabaseConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) => (k === 'DATABASE_URL' || k === 'KAOPING_DB_FILE' || k === 'KAOPING_OFFICE') && v !== undefined && v !== '',
    ),
  );
  const parsed = cliEnvSchema.safeParse(present);
  if (!parsed.success) throw new CliError(`配置错误:${parsed.error.issues.map((i) => i.message).join(';')}`);
  return {
    postgres: parsed.data.DATABASE_URL !== undefined,
    databaseUrl: parsed.data.DATABASE_URL,
    sqliteFile: resolve(repoRoot, parsed.data.KAOPING_DB_FILE),
    officeId: parsed.data.KAOPING_OFFICE,
  };
}

/** The same database the server uses: DATABASE_URL (postgres) or the SQLite file. The CLI waits up to a minute for the server's writes. */
export function openCliDatabase(env: CliEnv = cliEnv()): { handle: DatabaseHandle; where: string; officeId: number } {
  const config = cliDatabaseConfig(env);
  // Every command works in one office: its handle is scoped (offices/office-scope.ts).
  const handle = officeHandle(
    openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, busy: { maxWaitMs: 60_000 } }),
    config.officeId,
  );
  return { handle, where: handle.dialect === 'sqlite' ? config.sqliteFile : 'postgres', officeId: config.officeId };
}

/** Relative paths are taken from where the user typed the command (pnpm runs scripts from the root). */
export function userPath(path: string, env: CliEnv = cliEnv()): string {
  return resolve(env['INIT_CWD'] ?? process.cwd(), path);
}

/** KAOPING_DEBUG=1 prints stacks of unexpected errors. */
export function cliDebug(env: CliEnv = cliEnv()): boolean {
  return env['KAOPING_DEBUG'] === '1';
}
