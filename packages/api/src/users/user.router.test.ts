import ExcelJS from 'exceljs';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { DatabaseHandle } from '@kaoping/db/connect';
import { listAuditEntries } from '@kaoping/db/audit/audit.repository';
import { createMigratedTestDatabase, testDatabases } from '@kaoping/db/testing/test-databases';
import { insertUnit } from '@kaoping/db/units/unit.repository';
import { resolveSessionUser } from '../auth/auth.service';
import { callerFor, createTestContext, seedMinimalOrg, TEST_NOW } from '../testing/test-context';
import { createCaller } from '../root';

const GOOD_PASSWORD = 'Lin-jiang 晴 7429 river';

async function readWorkbook(base64: string | null): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64 ?? '', 'base64') as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

async function usersWorkbook(rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe.each(testDatabases)('users router on $name', (factory) => {
  let handle: DatabaseHandle;
  let org: Awaited<ReturnType<typeof seedMinimalOrg>>;
  beforeEach(async () => {
    handle = await createMigratedTestDatabase(factory);
    org = await seedMinimalOrg(handle);
  });
  afterEach(() => handle.destroy());

  /** Signs in through auth.login and returns a caller for that session, as the HTTP host would build it. */
  async function signIn(username: string, password: string) {
    const first = createTestContext(handle, null);
    await createCaller(first.ctx).auth.login({ username, password });
    const token = first.cookies.set[0]?.token ?? '';
    const user = (await resolveSessionUser(handle.db, token, TEST_NOW)) as SessionUser;
    const second = createTestContext(handle, user, { sessionToken: token });
    return { token, user, caller: createCaller(second.ctx), cookies: second.cookies };
  }
  const sessionsOf = async (userId: number) =>
    (await handle.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;
  const admin = () => callerFor(handle, org.users.admin);

  it('creates a liaison with a one-time password that must be changed first, enforced by the server', async () => {
    const { user, oneTimePassword } = await admin().users.create({
      username: 'li-a01',
      displayName: '李联络',
      role: 'liaison',
      unitId: org.own.id,
      phone: '138 0000 0001',
    });
    expect(user).toMatchObject({ status: 'active', mustChangePassword: true, unitCode: 'A01', phone: '138 0000 0001', lastSignInAt: null });
    expect(oneTimePassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);

    const session = await signIn('li-a01', oneTimePassword);
    expect(session.user.mustChangePassword).toBe(true);
    expect(await session.caller.auth.me()).toMatchObject({ username: 'li-a01', mustChangePassword: true });
    // Nothing else answers until the password is changed.
    await expect(session.caller.units.list({ year: 2026 })).rejects.toMatchObject({ code: 'FORBIDDEN', message: '请先修改初始密码' });
    await expect(session.caller.users.mySessions()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      session.caller.users.changeOwnPassword({ currentPassword: oneTimePassword, newPassword: 'password123' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/密码至少 10 个字符|太容易被猜到/) });
    await expect(
      session.caller.users.changeOwnPassword({ currentPassword: 'wrong-password', newPassword: GOOD_PASSWORD }),
    ).rejects.toMatchObject({ message: '当前密码不正确' });
    await expect(
      session.caller.users.changeOwnPassword({ currentPassword: oneTimePassword, newPassword: 'xx-li-a01-strong-9' }),
    ).rejects.toMatchObject({ message: '密码不能包含用户名' });
    const changed = await session.caller.users.changeOwnPassword({ currentPassword: oneTimePassword, newPassword: GOOD_PASSWORD });
    expect(changed.mustChangePassword).toBe(false);

    const after = await resolveSessionUser(handle.db, session.token, TEST_NOW);
    expect(after?.mustChangePassword).toBe(false);
    const rows = await callerFor(handle, after, { sessionToken: session.token }).units.list({ year: 2026 });
    expect(rows.rows.map((r) => r.code)).toEqual(['A01']);
    await expect(signIn('li-a01', oneTimePassword)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await admin().users.list({ search: 'li-a01' }))[0]).toMatchObject({
      mustChangePassword: false,
      lastSignInAt: TEST_NOW.toISOString(),
    });
    const audit = await listAuditEntries(handle.db, { entity: 'user', entityId: String(user.id), limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['user.password.change', 'auth.login', 'user.create']);
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword);
  });

  it('lets a forced-change session sign out', async () => {
    const { oneTimePassword } = await admin().users.create({
      username: 'zhao',
      displayName: '赵考评',
      role: 'assessor',
      unitId: null,
      phone: null,
    });
    const session = await signIn('zhao', oneTimePassword);
    await session.caller.auth.logout();
    expect(await resolveSessionUser(handle.db, session.token, TEST_NOW)).toBeNull();
  });

  it('refuses every account action to a liaison, an assessor and a leader', async () => {
    for (const role of ['liaison', 'assessor', 'leader'] as const) {
      const caller = callerFor(handle, org.users[role]);
      const calls = [
        caller.users.list(),
        caller.users.create({ username: 'x1', displayName: 'x', role: 'admin', unitId: null, phone: null }),
        caller.users.update({ id: org.users.admin.id, displayName: 'x', role: 'admin', unitId: null, phone: null }),
        caller.users.disable({ id: org.users.admin.id }),
        caller.users.enable({ id: org.users.admin.id }),
        caller.users.resetPassword({ id: org.users.admin.id }),
        caller.users.endSessions({ id: org.users.admin.id }),
        caller.users.bulkCreateLiaisons({ selection: { scope: 'all' } }),
        caller.users.importFile({ fileName: 'u.xlsx', contentBase64: '' }),
      ];
      for (const call of calls) await expect(call).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await handle.db.selectFrom('users').select('id').execute()).length).toBe(4);
  });

  it('disabling a user ends their sessions at once and refuses their sign-in; enabling lets them back', async () => {
    const { user, oneTimePassword } = await admin().users.create({
      username: 'qian',
      displayName: '钱领导',
      role: 'leader',
      unitId: null,
      phone: null,
    });
    const a = await signIn('qian', oneTimePassword);
    await signIn('qian', oneTimePassword);
    expect(await sessionsOf(user.id)).toBe(2);
    const disabled = await admin().users.disable({ id: user.id });
    expect(disabled.status).toBe('disabled');
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await resolveSessionUser(handle.db, a.token, TEST_NOW)).toBeNull();
    await expect(signIn('qian', oneTimePassword)).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: '用户名或密码错误' });
    await expect(admin().users.disable({ id: user.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await admin().users.list({ status: 'disabled' })).map((u) => u.username)).toEqual(['qian']);
    await admin().users.enable({ id: user.id });
    expect((await signIn('qian', oneTimePassword)).user.username).toBe('qian');
    const [entry] = await listAuditEntries(handle.db, { entity: 'user', entityId: String(user.id), limit: 1 });
    expect((await listAuditEntries(handle.db, { entity: 'user', entityId: String(user.id), limit: 10 })).map((e) => e.action)).toContain(
      'user.disable',
    );
    expect(entry?.action).toBe('auth.login');
  });

  it('never leaves the office without an active admin, and an admin cannot disable themselves', async () => {
    await expect(admin().users.disable({ id: org.users.admin.id })).rejects.toMatchObject({ message: '不能停用自己的账号' });
    await expect(
      admin().users.update({ id: org.users.admin.id, displayName: '管理员', role: 'assessor', unitId: null, phone: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const second = await admin().users.create({ username: 'admin2', displayName: '第二管理员', role: 'admin', unitId: null, phone: null });
    await callerFor(handle, org.users.admin).users.update({
      id: org.users.admin.id,
      displayName: '管理员',
      role: 'assessor',
      unitId: null,
      phone: null,
    });
    expect((await admin().users.list({ role: 'admin' })).map((u) => u.id)).toEqual([second.user.id]);
  });

  it('edits role, unit, display name and phone; a liaison needs a unit in force, others none', async () => {
    const { user, oneTimePassword } = await admin().users.create({
      username: 'sun',
      displayName: '孙',
      role: 'assessor',
      unitId: null,
      phone: null,
    });
    const session = await signIn('sun', oneTimePassword);
    await expect(
      admin().users.update({ id: user.id, displayName: '孙', role: 'liaison', unitId: null, phone: null }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('单位联络员必须选择所属单位') });
    await expect(
      admin().users.update({ id: user.id, displayName: '孙', role: 'assessor', unitId: org.own.id, phone: null }),
    ).rejects.toMatchObject({ message: expect.stringContaining('只有单位联络员属于某个单位') });
    await expect(admin().users.update({ id: 9999, displayName: '孙', role: 'assessor', unitId: null, phone: null })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const edited = await admin().users.update({
      id: user.id,
      displayName: '孙联络',
      role: 'liaison',
      unitId: org.other.id,
      phone: '0731-1234567',
    });
    expect(edited).toMatchObject({
      displayName: '孙联络',
      role: 'liaison',
      unitId: org.other.id,
      unitName: '东湖区人民政府',
      phone: '0731-1234567',
    });
    // A new role ends the sessions opened under the old one.
    expect(await resolveSessionUser(handle.db, session.token, TEST_NOW)).toBeNull();
    const [entry] = await listAuditEntries(handle.db, { entity: 'user', entityId: String(user.id), limit: 1 });
    expect(entry).toMatchObject({
      action: 'user.update',
      before: { role: 'assessor', displayName: '孙' },
      after: { role: 'liaison', displayName: '孙联络', sessionsEnded: 1 },
    });
    await expect(
      admin().users.create({ username: 'sun', displayName: '重复', role: 'leader', unitId: null, phone: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '用户名 sun 已存在' });
  });

  it('resets a password: a new one-time password, old password and sessions gone, change forced', async () => {
    const { user, oneTimePassword } = await admin().users.create({
      username: 'zhou',
      displayName: '周',
      role: 'leader',
      unitId: null,
      phone: null,
    });
    const session = await signIn('zhou', oneTimePassword);
    await session.caller.users.changeOwnPassword({ currentPassword: oneTimePassword, newPassword: GOOD_PASSWORD });
    const reset = await admin().users.resetPassword({ id: user.id });
    expect(reset.oneTimePassword).not.toBe(oneTimePassword);
    expect(await sessionsOf(user.id)).toBe(0);
    await expect(signIn('zhou', GOOD_PASSWORD)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const again = await signIn('zhou', reset.oneTimePassword);
    expect(again.user.mustChangePassword).toBe(true);
    const [entry] = await listAuditEntries(handle.db, { entity: 'user', entityId: String(user.id), limit: 2 }).then((e) =>
      e.filter((x) => x.action === 'user.password.reset'),
    );
    expect(entry?.after).toEqual({ username: 'zhou', sessionsEnded: 1 });
  });

  it('lists and ends sessions: one, all of a user (admin), and "sign out everywhere"', async () => {
    const { user, oneTimePassword } = await admin().users.create({
      username: 'wu',
      displayName: '吴',
      role: 'assessor',
      unitId: null,
      phone: null,
    });
    const first = await signIn('wu', oneTimePassword);
    await first.caller.users.changeOwnPassword({ currentPassword: oneTimePassword, newPassword: GOOD_PASSWORD });
    const second = await signIn('wu', GOOD_PASSWORD);
    const third = await signIn('wu', GOOD_PASSWORD);
    const listed = await second.caller.users.mySessions();
    expect(listed).toHaveLength(3);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    expect(listed.every((s) => s.clientIp === '127.0.0.1')).toBe(true);
    // End another browser's session: that browser is out, this one stays.
    const other = listed.find((s) => !s.current && s.id !== listed.find((x) => x.current)?.id) ?? listed[0];
    await second.caller.users.endMySession({ id: other?.id ?? '' });
    expect(await second.caller.users.mySessions()).toHaveLength(2);
    // Someone else's session id is not found for this user.
    await expect(callerFor(handle, org.users.leader).users.endMySession({ id: listed[0]?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const everywhere = await second.caller.users.signOutEverywhere();
    expect(everywhere.ended).toBe(2);
    expect(second.cookies.cleared).toBe(1);
    expect(await resolveSessionUser(handle.db, third.token, TEST_NOW)).toBeNull();
    // The admin ends a user's sessions.
    await signIn('wu', GOOD_PASSWORD);
    expect(await admin().users.endSessions({ id: user.id })).toEqual({ ended: 1 });
    expect(await sessionsOf(user.id)).toBe(0);
    const actions = (await listAuditEntries(handle.db, { entity: 'user', entityId: String(user.id), limit: 20 })).map((e) => e.action);
    expect(actions.filter((a) => a === 'user.sessions.end')).toHaveLength(2);
    expect(actions).toContain('session.end');
  });

  it('bulk-creates liaison accounts for 150 units, delivered as an .xlsx whose passwords sign in', { timeout: 120_000 }, async () => {
    const at = TEST_NOW.toISOString();
    const base = { tags: [], validFrom: '2020-01-01', note: '', parentId: null };
    const groupId = await admin().groups.upsert({ year: 2026, code: 'C', name: '乡镇(街道)' });
    for (let i = 1; i <= 148; i++) {
      const unit = await insertUnit(
        handle.db,
        { ...base, code: `T${String(i).padStart(3, '0')}`, name: `第${i}乡镇人民政府`, kind: i % 2 === 0 ? 'township' : 'street' },
        at,
      );
      if (i <= 10) await handle.db.insertInto('unit_groups').values({ unit_id: unit.id, year: 2026, group_id: groupId }).execute();
    }
    // The seeded liaison already serves A01: it is skipped unless another liaison is asked for.
    const started = performance.now();
    const result = await admin().users.bulkCreateLiaisons({ selection: { scope: 'all' } });
    const ms = performance.now() - started;
    expect(result.created).toHaveLength(149);
    expect(result.skippedUnits).toEqual([{ unitCode: 'A01', unitName: '临江区人民政府', reason: '已有 1 个联络员账号' }]);
    expect(result.created[0]).toMatchObject({ username: 'lly-a02', displayName: '东湖区人民政府联络员', role: 'liaison', unitCode: 'A02' });
    const sheet = await readWorkbook(result.xlsxBase64);
    expect(sheet[2]).toEqual(['单位编码', '单位名称', '用户名', '姓名', '角色', '初始密码']);
    expect(sheet.slice(3)).toHaveLength(149);
    const row = sheet.find((r) => r[0] === 'T150' || r[0] === 'T148');
    expect(row?.[2]).toBe('lly-t148');
    const session = await signIn(row?.[2] ?? '', row?.[5] ?? '');
    expect(session.user).toMatchObject({ role: 'liaison', unitName: '第148乡镇人民政府', mustChangePassword: true });
    // 150 units with A01's existing liaison: every unit now has one.
    const liaisons = await admin().users.list({ role: 'liaison' });
    expect(new Set(liaisons.map((l) => l.unitId)).size).toBe(150);
    console.log(`bulk liaison accounts: 149 created in ${Math.round(ms)} ms on ${factory.name}`);

    // Again: everything is skipped; with skipUnitsWithLiaison off, a second liaison per unit gets a suffix.
    expect((await admin().users.bulkCreateLiaisons({ selection: { scope: 'all' } })).created).toHaveLength(0);
    const group = await admin().users.bulkCreateLiaisons({ selection: { scope: 'group', groupId }, skipUnitsWithLiaison: false });
    expect(group.created.map((c) => c.username).slice(0, 2)).toEqual(['lly-t001-2', 'lly-t002-2']);
    expect(group.created).toHaveLength(10);
    const summary = (await listAuditEntries(handle.db, { entity: 'user', entityId: 'liaisons', limit: 5 })).map((e) => e.after);
    expect(summary[summary.length - 1]).toMatchObject({ created: 149, skipped: 1, selection: { scope: 'all' } });
  });

  it('bulk-creates for a kind, and refuses an empty selection', async () => {
    const result = await admin().users.bulkCreateLiaisons({ selection: { scope: 'kind', kind: 'county_gov' } });
    expect(result.created.map((c) => c.unitCode)).toEqual(['A02']);
    await expect(admin().users.bulkCreateLiaisons({ selection: { scope: 'kind', kind: 'township' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '所选范围内没有在册单位',
    });
  });

  it('imports users from .xlsx; one bad row refuses the file with row-level Chinese errors and writes nothing', async () => {
    const header = ['用户名', '姓名', '角色', '单位编码', '手机'];
    const usersBefore = (await handle.db.selectFrom('users').select('id').execute()).length;
    const auditBefore = (await handle.db.selectFrom('audit_log').select('id').execute()).length;
    const bad = await admin().users.importFile({
      fileName: 'users.xlsx',
      contentBase64: await usersWorkbook([
        header,
        ['chen', '陈', '单位联络员', 'A01', '13800000000'],
        ['liaison', '重名', '领导', '', ''],
        ['chen', '陈二', '考评员', '', ''],
        ['he', '', '校长', 'A01', ''],
        ['lu', '陆', '单位联络员', 'ZZ9', 'abc'],
        ['ma', '马', '领导', 'A02', ''],
        ['', '无名', '领导', '', ''],
      ]),
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual([
      { row: 3, column: '用户名', message: '用户名 liaison 已存在' },
      { row: 4, column: '用户名', message: '用户名 chen 与第2行重复' },
      { row: 5, column: '姓名', message: '姓名不能为空' },
      { row: 5, column: '角色', message: '角色“校长”无效,应为:管理员、考评员、单位联络员、领导' },
      { row: 6, column: '单位编码', message: '单位编码 ZZ9 不存在' },
      { row: 6, column: '手机', message: '手机号“abc”无效' },
      { row: 7, column: '单位编码', message: '只有单位联络员填写单位编码(本行角色为领导)' },
      { row: 8, column: '用户名', message: '用户名不能为空' },
    ]);
    expect((await handle.db.selectFrom('users').select('id').execute()).length).toBe(usersBefore);
    expect((await handle.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore);

    const missing = await admin().users.importFile({
      fileName: 'users.xlsx',
      contentBase64: await usersWorkbook([
        ['用户名', '姓名'],
        ['a1', 'b'],
      ]),
    });
    expect(missing.ok ? [] : missing.problems.map((p) => p.column)).toEqual(['角色', '单位编码']);
    const notXlsx = await admin().users.importFile({ fileName: 'users.xlsx', contentBase64: Buffer.from('hello').toString('base64') });
    expect(notXlsx.ok ? '' : notXlsx.problems[0]?.message).toMatch(/不是有效的 Excel 工作簿/);

    const good = await admin().users.importFile({
      fileName: 'users.xlsx',
      contentBase64: await usersWorkbook([header, ['chen', '陈', '单位联络员', 'A01', '13800000000'], ['ma', '马', 'leader', '', '']]),
    });
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(good.created.map((c) => [c.username, c.role, c.unitCode])).toEqual([
      ['chen', 'liaison', 'A01'],
      ['ma', 'leader', null],
    ]);
    const sheet = await readWorkbook(good.xlsxBase64);
    expect((await signIn('chen', sheet[3]?.[5] ?? '')).user).toMatchObject({ unitName: '临江区人民政府', mustChangePassword: true });
    expect((await admin().users.list({ unitId: org.own.id })).map((u) => u.username)).toEqual(['chen', 'liaison']);
  });

  it('retiring a unit disables its liaison accounts and ends their sessions', async () => {
    const { user, oneTimePassword } = await admin().users.create({
      username: 'dong-2',
      displayName: '东湖联络员',
      role: 'liaison',
      unitId: org.other.id,
      phone: null,
    });
    const session = await signIn('dong-2', oneTimePassword);
    await admin().units.deactivate({
      id: org.other.id,
      version: org.other.version,
      validTo: '2026-03-01',
      successorId: null,
      reason: '区划调整',
    });
    expect((await admin().users.list({ unitId: org.other.id }))[0]).toMatchObject({ id: user.id, status: 'disabled' });
    expect(await resolveSessionUser(handle.db, session.token, TEST_NOW)).toBeNull();
    await expect(admin().users.enable({ id: user.id })).rejects.toMatchObject({ message: expect.stringContaining('已撤销') });
    const [entry] = await listAuditEntries(handle.db, { entity: 'user', entityId: String(user.id), limit: 1 });
    expect(entry).toMatchObject({ action: 'user.disable', after: { reason: '所属单位已撤销', sessionsEnded: 1 } });
    // The other unit's liaison is untouched.
    expect((await admin().users.list({ unitId: org.own.id }))[0]?.status).toBe('active');
  });

  it('tells the public only whether an active admin exists', async () => {
    expect(await callerFor(handle, null).users.adminExists()).toBe(true);
    await handle.db.updateTable('users').set({ is_active: 0 }).where('role', '=', 'admin').execute();
    expect(await callerFor(handle, null).users.adminExists()).toBe(false);
  });

  it('refuses malformed input with Chinese messages', async () => {
    const error = await admin()
      .users.create({ username: '张三', displayName: '', role: 'leader', unitId: null, phone: null })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).message).toMatch(/用户名只能包含字母、数字/);
    expect((error as TRPCError).message).toMatch(/请输入姓名/);
  });
});
