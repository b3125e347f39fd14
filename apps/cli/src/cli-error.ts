import { isDomainError, type DomainErrorKind } from '@kaoping/domain/errors/domain-error';

/** An error the user caused (bad flags, unreadable input): printed without a stack, exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

const EXIT_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 2,
  unauthenticated: 2,
  forbidden: 2,
  'not-found': 2,
  conflict: 4,
  'too-large': 2,
  'too-many': 75,
  timeout: 75,
  unavailable: 75, // EX_TEMPFAIL: try again later (the database is busy)
};

const SQLITE_MESSAGES: Record<string, [string, number]> = {
  SQLITE_BUSY: ['数据库正忙(考评服务或另一个命令正在写入),请稍后重试', 75],
  SQLITE_LOCKED: ['数据库正忙(考评服务或另一个命令正在写入),请稍后重试', 75],
  SQLITE_READONLY: ['数据库文件只读,无法写入:请检查文件权限', 1],
  SQLITE_CANTOPEN: ['无法打开数据库文件:请检查 KAOPING_DB_FILE 路径和权限', 1],
  SQLITE_CORRUPT: ['数据库文件已损坏:请用 kaoping db restore 从备份恢复', 1],
  SQLITE_NOTADB: ['该文件不是 SQLite 数据库:请检查 KAOPING_DB_FILE', 1],
  SQLITE_FULL: ['磁盘已满,无法写入数据库', 1],
};

/** What to print and which exit code, for anything a command throws: a Chinese line, never a stack for known failures. */
export function describeFailure(error: unknown): { message: string; exitCode: number; stack: string | null } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode, stack: null };
  if (isDomainError(error)) return { message: error.message, exitCode: EXIT_BY_KIND[error.kind], stack: null };
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const known = SQLITE_MESSAGES[code] ?? Object.entries(SQLITE_MESSAGES).find(([prefix]) => code.startsWith(`${prefix}_`))?.[1];
    if (known) return { message: known[0], exitCode: known[1], stack: null };
    return { message: `数据库错误(${code}):${error instanceof Error ? error.message : ''}`, exitCode: 1, stack: null };
  }
  if (typeof code === 'string' && ['ECONNREFUSED', 'ENOTFOUND', '28P01', '3D000'].includes(code)) {
    return { message: `无法连接 PostgreSQL 数据库(${code}):请检查 DATABASE_URL 与数据库服务`, exitCode: 1, stack: null };
  }
  return {
    message: `内部错误:${error instanceof Error ? error.message : String(error)}`,
    exitCode: 1,
    stack: error instanceof Error ? (error.stack ?? null) : null,
  };
}
