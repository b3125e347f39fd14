// `kaoping users`: the first admin on an empty database (prompted or one-time password), list,
// import with the passwords workbook, reset and disable — against a real SQLite file.
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUsersImportTemplate } from '@kaoping/exporters/accounts/accounts-workbook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeHandle, openSqlite } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { findUserByUsername } from '@kaoping/db/users/user.repository';
import { verifyPassword } from '@kaoping/api/auth/password';
import { run, type UsersIo } from '../src/commands/users';
import { captureCommand } from './capture-command';

let dir: string;
const saved = { file: process.env['KAOPING_DB_FILE'], cwd: process.env['INIT_CWD'], url: process.env['DATABASE_URL'] };
const batch: UsersIo = { interactive: false, promptHidden: () => Promise.reject(new Error('no prompt in batch mode')) };
const typing = (...answers: string[]): UsersIo => ({ interactive: true, promptHidden: async () => answers.shift() ?? '' });

async function withDb<T>(work: (db: ReturnType<typeof openSqlite>['db']) => Promise<T>): Promise<T> {
  const handle = officeHandle(openSqlite(join(dir, 'kaoping.db')), 1);
  try {
    return await work(handle.db);
  } finally {
    await handle.destroy();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaoping-users-'));
  process.env['KAOPING_DB_FILE'] = join(dir, 'kaoping.db');
  process.env['INIT_CWD'] = dir;
  delete process.env['DATABASE_URL'];
  await withDb(async (db) => {
    await migrateToLatest(db);
    await db
      .insertInto('units')
      .values({
        code: 'A01',
        name: '临江区人民政府',
        kind: 'county_gov',
        parent_id: null,
        tags: '[]',
        valid_from: '2020-01-01',
        valid_to: null,
        successor_id: null,
        note: '',
        version: 1,
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
  });
});
afterAll(() => {
  process.env['KAOPING_DB_FILE'] = saved.file;
  process.env['INIT_CWD'] = saved.cwd;
  if (saved.url !== undefined) process.env['DATABASE_URL'] = saved.url;
  rmSync(dir, { recursive: true, force: true });
});

describe('kaoping users', () => {
  it('says how to create the first admin when there are no users', async () => {
    const r = await captureCommand((a) => run(a, batch), ['list']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain('pnpm kaoping users create --role admin --name admin');
  });

  it('creates the first admin with a typed password, refusing a weak one and a mismatch', async () => {
    const weak = await captureCommand((a) => run(a, typing('admin12345', 'admin12345')), ['create', '--role', 'admin', '--name', 'admin']);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('密码不能包含用户名');
    const mismatch = await captureCommand(
      (a) => run(a, typing('Lin-jiang 晴 7429 river', 'other')),
      ['create', '--role', 'admin', '--name', 'admin'],
    );
    expect(mismatch).toMatchObject({ code: 2, stderr: '两次输入的密码不一致' });
    const ok = await captureCommand(
      (a) => run(a, typing('Lin-jiang 晴 7429 river', 'Lin-jiang 晴 7429 river')),
      ['create', '--role', 'admin', '--name', 'admin', '--display-name', '王主任'],
    );
    expect(ok).toMatchObject({ code: 0, stdout: '已创建管理员 admin(王主任)\n' });
    await withDb(async (db) => {
      const admin = await findUserByUsername(db, 'admin');
      expect(admin).toMatchObject({ role: 'admin', mustChangePassword: false, isActive: true });
      expect(await verifyPassword(admin?.passwordHash ?? '', 'Lin-jiang 晴 7429 river')).toBe(true);
    });
  });

  it('prints a one-time password when not interactive, which must be changed at first sign-in', async () => {
    const r = await captureCommand(
      (a) => run(a, batch),
      ['create', '--role', 'liaison', '--name', 'li-a01', '--display-name', '李', '--unit', 'A01'],
    );
    expect(r.code).toBe(0);
    const password = /初始密码\(仅显示一次,首次登录后须修改\):(\S+)/.exec(r.stdout)?.[1] ?? '';
    expect(password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await withDb(async (db) => {
      const user = await findUserByUsername(db, 'li-a01');
      expect(user).toMatchObject({ unitName: '临江区人民政府', mustChangePassword: true });
      expect(await verifyPassword(user?.passwordHash ?? '', password)).toBe(true);
    });
    const dup = await captureCommand((a) => run(a, batch), ['create', '--role', 'leader', '--name', 'li-a01']);
    expect(dup).toMatchObject({ code: 2, stderr: '用户名 li-a01 已存在' });
    const noUnit = await captureCommand((a) => run(a, batch), ['create', '--role', 'liaison', '--name', 'x2']);
    expect(noUnit.stderr).toContain('单位联络员必须选择所属单位');
  });

  it('imports users from .xlsx and writes the passwords workbook; a bad file writes nothing', async () => {
    const header = ['用户名', '姓名', '角色', '单位编码', '手机'];
    const rows = [
      ['zhao', '赵', '考评员', '', ''],
      ['qian', '钱', '单位联络员', 'A01', '13800000000'],
    ];
    writeFileSync(join(dir, 'users.xlsx'), await buildUsersImportTemplate(header, rows));
    writeFileSync(join(dir, 'bad.xlsx'), await buildUsersImportTemplate(header, [...rows, ['sun', '孙', '单位联络员', 'B99', '']]));

    const bad = await captureCommand((a) => run(a, batch), ['import', 'bad.xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.xlsx 第4行 单位编码 列:单位编码 B99 不存在');
    await withDb(async (db) => expect(await findUserByUsername(db, 'zhao')).toBeNull());

    const ok = await captureCommand((a) => run(a, batch), ['import', 'users.xlsx', '--out', 'accounts.xlsx']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('已导入 2 个用户');
    expect(existsSync(join(dir, 'accounts.xlsx'))).toBe(true);
    const list = await captureCommand((a) => run(a, batch), ['list']);
    expect(list.stdout).toMatch(/qian\t钱\t单位联络员\t临江区人民政府\t待改密\t从未登录/);
  });

  it('resets and disables by username', async () => {
    const reset = await captureCommand((a) => run(a, batch), ['reset', 'zhao']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/初始密码\(仅显示一次,首次登录后须修改\):\w{4}-\w{4}-\w{4}/);
    const disable = await captureCommand((a) => run(a, batch), ['disable', 'zhao']);
    expect(disable).toMatchObject({ code: 0, stdout: '已停用 zhao,其登录会话已全部结束\n' });
    await withDb(async (db) => expect((await findUserByUsername(db, 'zhao'))?.isActive).toBe(false));
    // The only admin cannot be disabled, from the command line either.
    expect(await captureCommand((a) => run(a, batch), ['disable', 'admin'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('唯一的在用管理员'),
    });
    expect(await captureCommand((a) => run(a, batch), ['disable', 'nobody'])).toMatchObject({ code: 2, stderr: '用户 nobody 不存在' });
    expect((await captureCommand((a) => run(a, batch), ['frobnicate'])).code).toBe(2);
  });
});
