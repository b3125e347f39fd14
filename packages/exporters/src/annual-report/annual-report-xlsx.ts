// The city-wide summary as a workbook: one sheet with the tables of 二、三、四 laid out and merged as
// in the national format, one with the units added up, one with the checks on the sum.
import ExcelJS from 'exceljs';
import type { AnnualReportDocument } from './annual-report-document';
import { gridColumns, layoutReportTables } from '@kaoping/domain/annual-report-workflow/report-table-layout';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function renderAnnualReportXlsx(doc: AnnualReportDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping';
  const sheet = workbook.addWorksheet('汇总表', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const tables = layoutReportTables(doc.format, doc.cells);
  const width = Math.max(...tables.map(gridColumns));
  sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 16 : 11 }));
  let top = 1;
  sheet.mergeCells(top, 1, top, width);
  Object.assign(sheet.getCell(top, 1), { value: doc.title, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
  top += 1;
  sheet.mergeCells(top, 1, top, width);
  Object.assign(sheet.getCell(top, 1), { value: doc.scope, alignment: { wrapText: true } });
  top += 2;
  for (const t of tables) {
    sheet.mergeCells(top, 1, top, width);
    Object.assign(sheet.getCell(top, 1), { value: t.title, font: { bold: true, size: 13 } });
    top += 1;
    for (const c of t.cells) {
      const r1 = top + c.row;
      const c1 = 1 + c.col;
      if (c.rowSpan > 1 || c.colSpan > 1) sheet.mergeCells(r1, c1, r1 + c.rowSpan - 1, c1 + c.colSpan - 1);
      const cell = sheet.getCell(r1, c1);
      const numeric = c.kind === 'value' && c.text !== '' ? Number(c.text) : null;
      cell.value = numeric !== null && Number.isFinite(numeric) ? numeric : c.text;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: c.kind === 'label' && c.colSpan >= 2 ? 'left' : 'center' };
      if (c.kind === 'header') cell.font = { bold: true };
      for (let r = r1; r < r1 + c.rowSpan; r++) for (let k = c1; k < c1 + c.colSpan; k++) sheet.getCell(r, k).border = BORDER;
    }
    top += t.rows + 1;
  }

  const units = workbook.addWorksheet('汇总单位');
  units.columns = [
    { header: '序号', key: 'index', width: 6 },
    { header: '单位编码', key: 'code', width: 12 },
    { header: '单位名称', key: 'name', width: 40 },
    { header: '版本', key: 'version', width: 8 },
  ];
  doc.units.forEach((u, i) => units.addRow({ index: i + 1, code: u.code, name: u.name, version: u.versionNo }));
  units.getRow(1).font = { bold: true };

  const checks = workbook.addWorksheet('校验结果');
  checks.columns = [
    { header: '规则', key: 'rule', width: 8 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '说明', key: 'message', width: 100 },
  ];
  for (const c of doc.checks) checks.addRow({ rule: c.rule, severity: c.severity === 'error' ? '错误' : '提示', message: c.message });
  if (doc.checks.length === 0) checks.addRow({ rule: '—', severity: '通过', message: '汇总数通过全部勾稽关系校验' });
  checks.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
