import { describe, expect, it } from 'vitest';
import { unavailable, invalidInput } from '@kaoping/domain/errors/domain-error';
import { CliError, describeFailure } from '../src/cli-error';

const sqliteError = (code: string) => Object.assign(new Error('database is locked'), { name: 'SqliteError', code });

describe('what the CLI prints when a command fails', () => {
  it('a busy database: one Chinese line and exit 75, no stack', () => {
    expect(describeFailure(sqliteError('SQLITE_BUSY'))).toEqual({
      message: '数据库正忙(考评服务或另一个命令正在写入),请稍后重试',
      exitCode: 75,
      stack: null,
    });
    expect(describeFailure(sqliteError('SQLITE_BUSY_SNAPSHOT')).exitCode).toBe(75);
    expect(describeFailure(unavailable('数据库正忙'))).toEqual({ message: '数据库正忙', exitCode: 75, stack: null });
  });
  it('domain and user errors keep their message and code', () => {
    expect(describeFailure(invalidInput('第 3 行:单位代码重复'))).toMatchObject({ message: '第 3 行:单位代码重复', exitCode: 2 });
    expect(describeFailure(new CliError('usage', 2))).toMatchObject({ message: 'usage', exitCode: 2 });
    expect(describeFailure(sqliteError('SQLITE_CORRUPT')).message).toMatch(/kaoping db restore/);
  });
  it('the unexpected: a Chinese line, the stack kept for KAOPING_DEBUG', () => {
    const failure = describeFailure(new TypeError('x is undefined'));
    expect(failure.message).toBe('内部错误:x is undefined');
    expect(failure.exitCode).toBe(1);
    expect(failure.stack).toMatch(/TypeError/);
  });
});
