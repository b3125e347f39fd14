// The look every Kaoping workbook shares: a merged title (and grey subtitle) on top, a grey bold
// header row with a thin rule under it, changed values in bold red. One place, so an office's
// files look alike whichever page exported them.
import type ExcelJS from 'exceljs';

export const RED = 'FFC62828';

export const solidFill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export const HEADER_FILL = solidFill('FFEFEFEF');
/** Rows whose figures differ from the official ones. */
export const CHANGED_FILL = solidFill('FFFFF1F0');
/** A value that changed or is late: bold red. */
export const EMPHASIS_FONT: Partial<ExcelJS.Font> = { color: { argb: RED }, bold: true };

/** Bold, centred, wrapped, on grey with a thin rule below. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** The title merged across `width` columns in row 1, and the subtitle (if any) in row 2. */
export function addTitle(sheet: ExcelJS.Worksheet, title: string, width: number, subtitle?: string): void {
  sheet.mergeCells(1, 1, 1, width);
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: 'center' };
  if (subtitle === undefined) return;
  sheet.mergeCells(2, 1, 2, width);
  const sub = sheet.getCell(2, 1);
  sub.value = subtitle;
  sub.font = { color: { argb: 'FF595959' } };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}
