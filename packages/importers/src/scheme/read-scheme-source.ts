// Bytes of an office's 考核细则 (.xlsx or .docx) → its tables as grids with merged cells spread.
// .xlsx: every non-empty sheet is a table (sheet name = heading), merges read from exceljs.
// .docx: mammoth renders the document to HTML (rowspan/colspan kept), each <table> is a table and
// the paragraph just before it is its heading. Size and zip structure are checked before either
// library opens the file; unreadable input throws SchemeImportError with a Chinese reason.
import ExcelJS from 'exceljs';
import { HTMLElement, parse } from 'node-html-parser';
import { unzipSync } from 'fflate';
import { checkXlsxArchive, MAX_XLSX_BYTES, MAX_XLSX_UNCOMPRESSED_BYTES } from '../interchange/xlsx-guard';
import { cleanCellText, type SchemeSource, type SourceTable, type TableCell, type TableRow } from './scheme-table';

export class SchemeImportError extends Error {
  override name = 'SchemeImportError';
}

/** Rows read from one file at most (a 细则 has tens to a few hundred). */
export const MAX_SCHEME_ROWS = 2_000;
const MAX_COLUMNS = 30;
const MB = 1024 * 1024;

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function zipEntryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  try {
    unzipSync(bytes, { filter: (f) => (names.add(f.name), false) });
  } catch {
    throw new SchemeImportError('文件已损坏或不是有效的 .xlsx / .docx 文件(zip 结构无法读取)');
  }
  return names;
}

export function sniffSchemeFile(bytes: Uint8Array): 'xlsx' | 'docx' {
  if (bytes.length === 0) throw new SchemeImportError('文件是空的');
  if (bytes.length > MAX_XLSX_BYTES)
    throw new SchemeImportError(`文件大小 ${(bytes.length / MB).toFixed(1)} MB 超过上限 ${MAX_XLSX_BYTES / MB} MB`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new SchemeImportError('这是旧版 Word/Excel 文件(.doc/.xls),请另存为 .docx 或 .xlsx 后再导入');
  if (!isZip(bytes)) throw new SchemeImportError('不是 .xlsx 或 .docx 文件(请用 Excel 或 Word 另存为 .xlsx / .docx)');
  const names = zipEntryNames(bytes);
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  throw new SchemeImportError('压缩包中既没有 Excel 工作簿也没有 Word 文档,请提供 .xlsx 或 .docx 文件');
}

export async function readSchemeSource(bytes: Uint8Array): Promise<SchemeSource> {
  const kind = sniffSchemeFile(bytes);
  // The same zip-bomb guard as the interchange importer (declared and inflated sizes).
  const problem = kind === 'xlsx' ? checkXlsxArchive(bytes) : checkDocxArchive(bytes);
  if (problem) throw new SchemeImportError(problem);
  return kind === 'xlsx' ? readXlsx(bytes) : readDocx(bytes);
}

/** The xlsx guard checks for xl/workbook.xml; a .docx gets the same size checks on its own. */
function checkDocxArchive(bytes: Uint8Array): string | null {
  let declared = 0;
  let entries = 0;
  try {
    unzipSync(bytes, { filter: (f) => ((declared += f.originalSize), entries++, false) });
  } catch {
    return '文件已损坏(zip 结构无法读取)';
  }
  if (entries > 10_000) return `压缩包内文件数 ${entries} 过多,疑似压缩炸弹,已拒绝`;
  if (declared > MAX_XLSX_UNCOMPRESSED_BYTES)
    return `解压后大小 ${(declared / MB).toFixed(1)} MB 超过上限 ${MAX_XLSX_UNCOMPRESSED_BYTES / MB} MB,疑似压缩炸弹,已拒绝`;
  return null;
}

const TITLE = /(考核|考评|测评|评估|评分).*(细则|标准|指标|办法|表)/;

async function readXlsx(bytes: Uint8Array): Promise<SchemeSource> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (cause) {
    throw new SchemeImportError(`无法读取 Excel 工作簿:${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const tables: SourceTable[] = [];
  let title = '';
  let total = 0;
  workbook.eachSheet((sheet) => {
    const rows: TableRow[] = [];
    const width = Math.min(sheet.columnCount, MAX_COLUMNS);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      total++;
      if (total > MAX_SCHEME_ROWS) throw new SchemeImportError(`表格行数超过上限 ${MAX_SCHEME_ROWS} 行,请确认文件是否为考核细则`);
      const cells: TableCell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        const text = cleanCellText(master.text ?? '');
        cells.push({ text, isOrigin: master.address === cell.address, originRow: Number(master.row), originCol: Number(master.col) });
      }
      if (cells.every((c) => c.text === '')) return;
      rows.push({ number: rowNumber, cells });
    });
    if (rows.length === 0) return;
    // A title row: one merged cell across the sheet, above the header.
    const first = rows[0];
    if (first && title === '') {
      const texts = new Set(first.cells.map((c) => c.text).filter(Boolean));
      const only = [...texts][0];
      if (texts.size === 1 && only !== undefined && TITLE.test(only)) title = only;
    }
    tables.push({ where: `工作表“${sheet.name}”`, heading: sheet.name, rows });
  });
  return { kind: 'xlsx', title, tables };
}

async function readDocx(bytes: Uint8Array): Promise<SchemeSource> {
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (cause) {
    throw new SchemeImportError(`无法读取 Word 文档(.docx 文件损坏或不完整):${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const root = parse(html, { lowerCaseTagName: true, comment: false });
  const tables: SourceTable[] = [];
  let title = '';
  let lastParagraph = '';
  let total = 0;
  // Top-level blocks in order: paragraphs give titles and headings, tables give rows.
  for (const node of root.childNodes) {
    if (!(node instanceof HTMLElement)) continue;
    const tag = node.tagName?.toLowerCase();
    if (tag === 'table') {
      const rows = htmlTableRows(node);
      total += rows.length;
      if (total > MAX_SCHEME_ROWS) throw new SchemeImportError(`表格行数超过上限 ${MAX_SCHEME_ROWS} 行,请确认文件是否为考核细则`);
      if (rows.length > 0) tables.push({ where: `第${tables.length + 1}个表格`, heading: lastParagraph, rows });
      lastParagraph = '';
    } else {
      const text = cleanCellText(node.text);
      if (text === '') continue;
      if (title === '' && TITLE.test(text)) title = text;
      lastParagraph = text;
    }
  }
  return { kind: 'docx', title, tables };
}

/** An HTML table → grid, spreading rowspan/colspan over the cells they cover. */
function htmlTableRows(table: HTMLElement): TableRow[] {
  const trs = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  const grid: (TableCell | undefined)[][] = [];
  trs.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of tr.childNodes) {
      if (!(td instanceof HTMLElement) || (td.tagName !== 'TD' && td.tagName !== 'TH')) continue;
      while (grid[r]?.[c] !== undefined) c++;
      const rowspan = Math.max(1, Math.min(Number(td.getAttribute('rowspan') ?? 1) || 1, trs.length - r));
      const colspan = Math.max(1, Math.min(Number(td.getAttribute('colspan') ?? 1) || 1, MAX_COLUMNS));
      const text = cleanCellText(td.structuredText);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          const row = (grid[r + dr] ??= []);
          if (c + dc < MAX_COLUMNS) row[c + dc] = { text, isOrigin: dr === 0 && dc === 0, originRow: r, originCol: c };
        }
      }
      c += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const rows: TableRow[] = [];
  grid.forEach((row, r) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < width; c++) cells.push(row[c] ?? { text: '', isOrigin: true, originRow: r, originCol: c });
    if (cells.some((cell) => cell.text !== '')) rows.push({ number: r + 1, cells });
  });
  return rows;
}
