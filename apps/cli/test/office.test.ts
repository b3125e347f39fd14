// `kaoping office`: a province and its cities in one deployment, each office's first account, and
// KAOPING_OFFICE for the accounts after it — against a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeHandle, openSqlite, type Db } from '@kaoping/db/connect';
import { migrateToLatest } from '@kaoping/db/migrate';
import { acrossOffices, scopeToOffice } from '@kaoping/db/offices/office-scope';
import { findUserByUsername } from '@kaoping/db/users/user.repository';
import { toSessionUser } from '@kaoping/api/auth/auth.service';
import { run } from '../src/commands/office';
import { run as runUsers, type UsersIo } from '../src/commands/users';
import { captureCommand } from './capture-command';

let dir: string;
const saved = { file: process.env['KAOPING_DB_FILE'], office: process.env['KAOPING_OFFICE'], url: process.env['DATABASE_URL'] };
const batch: UsersIo = { interactive: false, promptHidden: () => Promise.reject(new Error('no prompt in batch mode')) };
const office = (args: string[]) => captureCommand((a) => run(a, batch), args);

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const handle = officeHandle(openSqlite(join(dir, 'kaoping.db')), 1);
  try {
    return await work(acrossOffices(handle.db));
  } finally {
    await handle.destroy();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaoping-office-'));
  process.env['KAOPING_DB_FILE'] = join(dir, 'kaoping.db');
  delete process.env['DATABASE_URL'];
  delete process.env['KAOPING_OFFICE'];
  await withDb((db) => migrateToLatest(db));
});
afterAll(() => {
  process.env['KAOPING_DB_FILE'] = saved.file;
  if (saved.office !== undefined) process.env['KAOPING_OFFICE'] = saved.office;
  if (saved.url !== undefined) process.env['DATABASE_URL'] = saved.url;
  rmSync(dir, { recursive: true, force: true });
});

describe('kaoping office', () => {
  it('adds a province and a city under it, listed with their ids and audited in both logs', async () => {
    const province = await office([
      'add',
      '--kind',
      'province',
      '--name',
      '某省政务公开办公室',
      '--short-name',
      '省公开办',
      '--region',
      '某省',
    ]);
    expect(province).toMatchObject({ code: 0, stdout: expect.stringContaining('已添加省级机构 某省政务公开办公室(编号 2)') });
    expect(province.stdout).toContain('pnpm kaoping office first-account 2 --name');
    const city = await office(['add', '--kind', 'city', '--name', '甲市政务公开办公室', '--region', '甲市', '--parent', '2']);
    expect(city).toMatchObject({ code: 0, stdout: expect.stringContaining('已添加市级机构 甲市政务公开办公室(编号 3,上级机构 2)') });
    const list = await office(['list']);
    expect(list.stdout).toContain('2\t省级\t某省政务公开办公室\t省公开办\t某省\t-\n');
    expect(list.stdout).toContain('3\t市级\t甲市政务公开办公室\t甲市政务公开办公室\t甲市\t2 某省政务公开办公室\n');
    const json = JSON.parse((await office(['list', '--json'])).stdout) as { id: number; kind: string; parentId: number | null }[];
    expect(json.map((o) => [o.id, o.kind, o.parentId])).toEqual([
      [1, 'city', null],
      [2, 'province', null],
      [3, 'city', 2],
    ]);
    await withDb(async (db) => {
      const entries = await db
        .selectFrom('audit_log')
        .select(['office_id', 'action', 'entity_id', 'actor_name'])
        .where('action', '=', 'org.office.create')
        .execute();
      expect(entries.map((e) => [Number(e.office_id), e.entity_id, e.actor_name]).sort()).toEqual([
        [2, '2', '命令行'],
        [2, '3', '命令行'],
        [3, '3', '命令行'],
      ]);
    });
  });

  it('refuses bad input with a Chinese message and adds nothing', async () => {
    const cases: [string[], string][] = [
      [['add', '--kind', 'county', '--name', '某县'], '--kind 应为 province(省级)或 city(市级)'],
      [['add', '--kind', 'city'], '缺少 --name 机构全称'],
      [['add', '--kind', 'city', '--name', '乙'], '机构全称至少2个字'],
      [['add', '--kind', 'city', '--name', '乙市政务公开办公室', '--region', ' '], '所辖地区'],
      [['add', '--kind', 'city', '--name', '乙市政务公开办公室', '--parent', '1'], '市级机构的上级只能是省级机构'],
      [['add', '--kind', 'city', '--name', '乙市政务公开办公室', '--parent', '99'], '上级机构 99 不存在'],
      [['add', '--kind', 'city', '--name', '乙市政务公开办公室', '--parent', 'abc'], '--parent 应为机构编号(正整数),收到 abc'],
      [['add', '--kind', 'province', '--name', '他省政务公开办公室', '--parent', '2'], '省级机构没有上级机构'],
      [['add', '--kind', 'city', '--name', '甲市政务公开办公室'], '已有名为 甲市政务公开办公室 的机构(编号 3)'],
      [['add', '--kind', 'city', '--name', '丙市政务公开办公室', '--code', 'Bad Code'], '机构代码 Bad Code 无效'],
      [['first-account', '99', '--name', 'x-admin'], '机构 99 不存在'],
      [['first-account', '--name', 'x-admin'], '机构编号缺失'],
      [['frobnicate'], 'usage: kaoping office list'],
    ];
    for (const [args, message] of cases) {
      const r = await office(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    await withDb(async (db) => expect((await db.selectFrom('offices').select('id').execute()).length).toBe(3));
  });

  it("creates a province's first account as a province reader and a city's as its administrator, once each", async () => {
    const leader = await office(['first-account', '2', '--name', 'sheng-lingdao', '--display-name', '省公开办']);
    expect(leader).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('已为 某省政务公开办公室 创建省级账号(只读各市已发布的考评结果) sheng-lingdao(省公开办)'),
    });
    expect(leader.stdout).toMatch(/初始密码\(仅显示一次,首次登录后须修改\):\w{4}-\w{4}-\w{4}/);
    const admin = await office(['first-account', '3', '--name', 'jia-admin']);
    expect(admin).toMatchObject({ code: 0, stdout: expect.stringContaining('已为 甲市政务公开办公室 创建管理员 jia-admin') });
    await withDb(async (db) => {
      const provinceUser = toSessionUser((await findUserByUsername(db, 'sheng-lingdao'))!);
      expect(provinceUser).toMatchObject({ role: 'leader', officeId: 2, officeKind: 'province', mustChangePassword: true });
      expect(toSessionUser((await findUserByUsername(db, 'jia-admin'))!)).toMatchObject({ role: 'admin', officeId: 3 });
      expect(
        (await scopeToOffice(db, 3).selectFrom('audit_log').select('action').where('action', '=', 'user.create').execute()).length,
      ).toBe(1);
    });
    expect(await office(['first-account', '3', '--name', 'jia-admin2'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('已有账号;再添加账号请用 KAOPING_OFFICE=3 pnpm kaoping users create'),
    });
    expect(await office(['first-account', '3', '--name', 'sheng-lingdao'])).toMatchObject({ code: 2 });
  });

  it('adds further accounts of a new office with KAOPING_OFFICE and kaoping users', async () => {
    process.env['KAOPING_OFFICE'] = '3';
    try {
      const r = await captureCommand((a) => runUsers(a, batch), ['create', '--role', 'assessor', '--name', 'jia-kaoping']);
      expect(r.code).toBe(0);
      const list = await captureCommand((a) => runUsers(a, batch), ['list']);
      expect(list.stdout).toContain('jia-admin');
      expect(list.stdout).toContain('jia-kaoping');
      expect(list.stdout).not.toContain('sheng-lingdao');
    } finally {
      delete process.env['KAOPING_OFFICE'];
    }
    await withDb(async (db) => expect((await findUserByUsername(db, 'jia-kaoping'))?.officeId).toBe(3));
  });
});
