// Users from an .xlsx (or CSV) file: 用户名 | 姓名 | 角色 | 单位编码 | 手机. Every row is checked
// first; one bad row refuses the whole file and nothing is written. Created accounts get one-time
// passwords, returned in a workbook like the bulk liaison accounts.
import { roleLabelsZh, roles, type Role } from '@kaoping/contracts/auth/role';
import type { SessionUser } from '@kaoping/contracts/auth/session';
import type { ImportProblem } from '@kaoping/contracts/units/unit-import';
import { USERS_IMPORT_MAX_BYTES, usernameSchema, usersImportColumns, type UsersImportResult } from '@kaoping/contracts/users/user';
import { chinaToday } from '@kaoping/domain/period/period';
import { findUnitsForAccountsByCode } from '@kaoping/db/users/account-units.repository';
import { findTakenUsernames } from '@kaoping/db/users/user.repository';
import type { Context } from '../context';
import { createAccountsWithWorkbook, type PlannedAccount } from './account-batch';

type Authed = Context & { user: SessionUser | null };
type Column = keyof typeof usersImportColumns;

export const USERS_IMPORT_MAX_ROWS = 5000;

// Header names accepted for each column: the template's Chinese and the field names.
const headerAliases: Record<Column, string[]> = {
  username: ['用户名', '账号', 'username'],
  displayName: ['姓名', '名称', 'displayname', 'name'],
  role: ['角色', 'role'],
  unitCode: ['单位编码', '单位代码', 'unitcode', 'unit'],
  phone: ['手机', '手机号', '电话', 'phone'],
};

function roleOf(text: string): Role | null {
  const t = text.trim();
  if ((roles as readonly string[]).includes(t.toLowerCase())) return t.toLowerCase() as Role;
  const byLabel = (Object.entries(roleLabelsZh) as [Role, string][]).find(([, label]) => label === t);
  if (byLabel) return byLabel[0];
  return t === '联络员' ? 'liaison' : null;
}

export async function importUsersFile(ctx: Authed, input: { fileName: string; contentBase64: string }): Promise<UsersImportResult> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const fail = (problems: ImportProblem[]): UsersImportResult => ({ ok: false, problems });
  if (bytes.byteLength > USERS_IMPORT_MAX_BYTES) return fail([{ row: null, column: null, message: '文件超过 5 MB' }]);
  const table = await (await import('@kaoping/importers/interchange/read-table')).readTable({ name: input.fileName, bytes });
  if (!table.ok) return fail(table.issues.map(({ row, column, message }) => ({ row, column, message })));

  const header = table.value.header.map((h) => h.trim().toLowerCase());
  const index = {} as Record<Column, number>;
  const problems: ImportProblem[] = [];
  for (const column of Object.keys(headerAliases) as Column[]) {
    index[column] = header.findIndex((h) => headerAliases[column].includes(h));
    if (index[column] < 0 && column !== 'phone')
      problems.push({
        row: 1,
        column: usersImportColumns[column],
        message: `缺少“${usersImportColumns[column]}”列(表头应为:${Object.values(usersImportColumns).join('、')})`,
      });
  }
  if (problems.length > 0) return fail(problems);
  const rows = table.value.rows;
  if (rows.length === 0) return fail([{ row: null, column: null, message: '文件中没有用户行' }]);
  if (rows.length > USERS_IMPORT_MAX_ROWS)
    return fail([{ row: null, column: null, message: `一次最多导入 ${USERS_IMPORT_MAX_ROWS} 个用户,文件有 ${rows.length} 行` }]);

  const today = chinaToday(ctx.now());
  const cell = (cells: string[], column: Column) => (index[column] >= 0 ? (cells[index[column]] ?? '').trim() : '');
  const units = await findUnitsForAccountsByCode(
    ctx.db,
    [...new Set(rows.map((r) => cell(r.cells, 'unitCode')).filter((c) => c !== ''))],
    today,
  );
  const taken = await findTakenUsernames(
    ctx.db,
    rows.map((r) => cell(r.cells, 'username')),
  );
  const seen = new Map<string, number>();
  const accounts: PlannedAccount[] = [];
  for (const { row, cells } of rows) {
    const report = (column: Column, message: string) => problems.push({ row, column: usersImportColumns[column], message });
    const username = cell(cells, 'username');
    const parsedName = usernameSchema.safeParse(username);
    if (!parsedName.success) report('username', username === '' ? '用户名不能为空' : (parsedName.error.issues[0]?.message ?? '用户名无效'));
    else if (taken.has(username)) report('username', `用户名 ${username} 已存在`);
    else if (seen.has(username.toLowerCase())) report('username', `用户名 ${username} 与第${seen.get(username.toLowerCase())}行重复`);
    else seen.set(username.toLowerCase(), row);
    const displayName = cell(cells, 'displayName');
    if (displayName === '') report('displayName', '姓名不能为空');
    else if (displayName.length > 64) report('displayName', '姓名最多 64 个字符');
    const roleText = cell(cells, 'role');
    const role = roleOf(roleText);
    if (role === null)
      report('role', roleText === '' ? '角色不能为空' : `角色“${roleText}”无效,应为:${Object.values(roleLabelsZh).join('、')}`);
    const unitCode = cell(cells, 'unitCode');
    const unit = unitCode === '' ? null : (units.get(unitCode) ?? null);
    if (role === 'liaison' && unitCode === '') report('unitCode', '单位联络员必须填写单位编码');
    else if (unitCode !== '' && role !== null && role !== 'liaison')
      report('unitCode', `只有单位联络员填写单位编码(本行角色为${roleLabelsZh[role]})`);
    else if (unitCode !== '' && unit === null) report('unitCode', `单位编码 ${unitCode} 不存在`);
    else if (unit && !unit.inForce) report('unitCode', `单位 ${unit.name}(${unitCode})已撤销`);
    const phone = cell(cells, 'phone');
    if (phone !== '' && !/^[0-9+\- ]{1,32}$/.test(phone)) report('phone', `手机号“${phone}”无效`);
    if (role !== null)
      accounts.push({
        username,
        displayName,
        role,
        unitId: unit?.id ?? null,
        unitCode: unit?.code ?? null,
        unitName: unit?.name ?? null,
        phone: phone === '' ? null : phone,
      });
  }
  if (problems.length > 0) return fail(problems);
  const result = await createAccountsWithWorkbook(ctx, accounts, {
    action: 'user.import',
    entityId: input.fileName,
    detail: { fileName: input.fileName },
    title: '导入用户的账号及初始密码',
    filePrefix: '导入用户账号',
  });
  return { ok: true, ...result, skippedUnits: [] };
}
