// Reads the rows of an interchange file: CSV (UTF-8, header first) or the first sheet of
// an .xlsx. Every cell becomes trimmed text; blank rows are skipped. Nothing is returned
// when the file as a whole cannot be read.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ImportIssue, ImportResult } from './import-issue';
import { checkXlsxArchive } from './xlsx-guard';

export interface TableFile {
  /** File name as shown in messages (scores.csv); its extension picks the format. */
  name: string;
  bytes: Uint8Array;
}

export interface TableRow {
  /** Row number in the file (header = 1). */
  row: number;
  cells: string[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

export const MAX_CSV_BYTES = 64 * 1024 * 1024;
const MB = 1024 * 1024;

const fileIssue = (file: string, message: string): ImportResult<Table> => ({
  ok: false,
  issues: [{ file, row: null, column: null, message }],
});

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readTable(file: TableFile): Promise<ImportResult<Table>> {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.xlsx') || (!lower.endsWith('.csv') && isZip(file.bytes))) return readXlsxTable(file);
  if (lower.endsWith('.xls')) return fileIssue(file.name, '不支持旧版 .xls 格式,请另存为 .xlsx 或 CSV UTF-8');
  return readCsvTable(file);
}

export function readCsvTable(file: TableFile): ImportResult<Table> {
  const { name, bytes } = file;
  if (bytes.length > MAX_CSV_BYTES)
    return fileIssue(name, `文件大小 ${(bytes.length / MB).toFixed(1)} MB 超过上限 ${MAX_CSV_BYTES / MB} MB`);
  if (isZip(bytes)) return fileIssue(name, '这是一个 zip/xlsx 文件,不是 CSV;请使用 .xlsx 扩展名或另存为 CSV UTF-8');
  if (bytes.includes(0)) return fileIssue(name, '不是文本文件(包含二进制内容)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileIssue(name, '不是 UTF-8 编码的文本(如为 Excel 导出,请选择 “CSV UTF-8” 格式;GBK 编码不受支持)');
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : null;
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ file: name, row: line, column: null, message: `CSV 格式错误(${reason})` }] };
  }
  const [first, ...rest] = records;
  if (first === undefined) return fileIssue(name, '文件为空(缺少表头)');
  return {
    ok: true,
    value: {
      header: first.record.map((h) => h.trim()),
      rows: rest
        .map(({ record, info }) => ({ row: info.lines, cells: record.map((c) => c.trim()) }))
        .filter((r) => r.cells.some((c) => c !== '')),
    },
  };
}

export async function readXlsxTable(file: TableFile): Promise<ImportResult<Table>> {
  const { name, bytes } = file;
  const problem = checkXlsxArchive(bytes);
  if (problem !== null) return fileIssue(name, problem);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants a Node Buffer; this wraps the same memory without copying
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return fileIssue(name, `无法读取 Excel 工作簿(${error instanceof Error ? error.message : String(error)})`);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return fileIssue(name, '工作簿中没有工作表');
  const issues: ImportIssue[] = [];
  let header: string[] | null = null;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) {
      const text = cellText(values[c] as ExcelJS.CellValue);
      if (typeof text === 'object') {
        issues.push({ file: name, row: rowNumber, column: null, message: `第 ${c} 列单元格是错误值 ${text.error}` });
        cells.push('');
      } else cells.push(text);
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (header === null) header = cells;
    else if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells });
  });
  if (header === null) return fileIssue(name, '工作表为空(缺少表头)');
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { header, rows } };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text: dates as YYYY-MM-DD (Excel dates carry no zone; exceljs gives UTC). */
function cellText(value: ExcelJS.CellValue): string | { error: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text.trim() : cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}
