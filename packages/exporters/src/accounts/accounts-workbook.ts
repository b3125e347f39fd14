// The sheet an office prints or forwards to hand out new accounts: one row per account with its
// one-time password, and the user-import template (same columns as the import reads).
import ExcelJS from 'exceljs';

export interface AccountSheetRow {
  unitCode: string | null;
  unitName: string | null;
  username: string;
  displayName: string;
  roleLabel: string;
  oneTimePassword: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle' };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** 账号清单: who gets which username and one-time password; the note says it must be changed at first sign-in. */
export async function buildAccountsWorkbook(input: {
  title: string;
  createdAt: string;
  loginUrl: string | null;
  rows: readonly AccountSheetRow[];
}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping';
  const sheet = workbook.addWorksheet('账号清单', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = [{ width: 12 }, { width: 30 }, { width: 20 }, { width: 20 }, { width: 12 }, { width: 20 }];
  sheet.mergeCells(1, 1, 1, 6);
  const title = sheet.getCell(1, 1);
  title.value = input.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, 6);
  const note = sheet.getCell(2, 1);
  note.value = `生成时间 ${input.createdAt}。初始密码仅可使用一次,首次登录后须立即修改;请妥善保管本表,分发后删除。${input.loginUrl ? `登录地址:${input.loginUrl}` : ''}`;
  note.font = { color: { argb: 'FF9C0006' } };
  note.alignment = { wrapText: true };
  sheet.getRow(2).height = 32;
  styleHeader(sheet.addRow(['单位编码', '单位名称', '用户名', '姓名', '角色', '初始密码']));
  for (const r of input.rows) {
    const row = sheet.addRow([r.unitCode ?? '', r.unitName ?? '', r.username, r.displayName, r.roleLabel, r.oneTimePassword]);
    // Text, so Excel never reformats a password or a leading-zero code.
    row.eachCell((cell) => {
      cell.numFmt = '@';
    });
    row.getCell(6).font = { name: 'Consolas' };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A users import sheet: the header row the import expects, then the given rows (an example for the template). */
export async function buildUsersImportTemplate(columns: readonly string[], rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户');
  sheet.columns = columns.map(() => ({ width: 20 }));
  styleHeader(sheet.addRow([...columns]));
  for (const row of rows) sheet.addRow([...row]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
