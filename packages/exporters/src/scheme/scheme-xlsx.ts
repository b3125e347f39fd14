// The published 考核细则 as .xlsx: title row, the table with merged parents (as offices keep it,
// so the file imports back), then the notes (groups, vetoes, bonus, major deductions, grades).
import ExcelJS from 'exceljs';
import type { Scheme } from '@kaoping/contracts/scoring/scheme';
import { buildSchemeDocument } from './scheme-document';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function schemeXlsx(scheme: Scheme): Promise<Uint8Array> {
  const doc = buildSchemeDocument(scheme);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping';
  const sheet = workbook.addWorksheet('考核细则', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const width = doc.header.length;
  sheet.columns = doc.header.map((h, i) => ({
    width: i === 0 ? 6 : h === '评分标准' ? 60 : h === '分值' ? 8 : h === '适用范围' ? 20 : 18,
  }));
  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = doc.title;
  title.font = { name: 'SimSun', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;
  const header = sheet.getRow(2);
  doc.header.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { name: 'SimHei', bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  // Place the grid, skipping positions taken by merges from rows above.
  const taken = new Set<string>();
  doc.rows.forEach((row, r) => {
    const excelRow = r + 3;
    let c = 1;
    for (const cell of row) {
      while (taken.has(`${excelRow}:${c}`)) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${excelRow + dr}:${c + dc}`);
      const target = sheet.getCell(excelRow, c);
      target.value = cell.text;
      if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(excelRow, c, excelRow + cell.rowSpan - 1, c + cell.colSpan - 1);
      c += cell.colSpan;
    }
    for (let col = 1; col <= width; col++) {
      const cell = sheet.getCell(excelRow, col);
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: col === 1 || doc.header[col - 1] === '分值' ? 'center' : 'left' };
    }
  });
  let line = doc.rows.length + 4;
  for (const note of doc.notes) {
    sheet.getCell(line, 1).value = note.heading;
    sheet.getCell(line, 1).font = { bold: true };
    line++;
    for (const text of note.lines) {
      sheet.mergeCells(line, 1, line, width);
      sheet.getCell(line, 1).value = text;
      line++;
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
