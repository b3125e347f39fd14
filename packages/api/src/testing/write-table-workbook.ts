import ExcelJS from 'exceljs';

/**
 * One sheet holding `rows` (the first row is the header) as .xlsx bytes (tests: the e2e uploads the
 * very kind of file an office would prepare in Excel, e.g. its units list).
 */
export async function writeTableWorkbook(
  sheetName: string,
  rows: readonly (readonly (string | number)[])[],
  // Merged ranges such as 'B2:B5' (a 考核细则's parent indicator merged down its children's rows).
  options: { merges?: readonly string[] } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
