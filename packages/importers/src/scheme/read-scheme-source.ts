// Bytes of an office's 考核细则 (.xlsx or .docx) → its tables as grids with merged cells spread.
// .xlsx: every non-empty sheet is a table (sheet name = heading), merges read from exceljs.
// .docx: mammoth renders the document to HTML (rowspan/colspan kept), each <table> is a table and
// the paragraph just before it is its heading. Size and zip structure are checked before either
// library opens the file; unreadable input throws SchemeImportError with a Chinese reason.
import ExcelJS from 'exceljs';
import { HTMLElement, parse } from 'node-html-parser';
import { unzipSync } from 'fflate';
import type { CellObject, WorkBook } from 'xlsx';
import { checkZipArchive } from '../guard/zip-guard';
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

/** Refusal for an old Office file that cannot be read: the way out is saving it again. */
export const LEGACY_UNREADABLE = '请在 Word 或 Excel 中打开后“另存为” .docx 或 .xlsx,再导入';

const isOle = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Whether an OLE compound file holds a stream named `name` (directory names are UTF-16LE). */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(pattern));
}

export function sniffSchemeFile(bytes: Uint8Array): SchemeSource['kind'] {
  if (bytes.length === 0) throw new SchemeImportError('文件是空的');
  if (bytes.length > MAX_XLSX_BYTES)
    throw new SchemeImportError(`文件大小 ${(bytes.length / MB).toFixed(1)} MB 超过上限 ${MAX_XLSX_BYTES / MB} MB`);
  if (isOle(bytes)) {
    // Word 97–2003 keeps its text in a WordDocument stream, Excel 97–2003 in Workbook (Book before 97).
    if (hasOleStream(bytes, 'WordDocument')) return 'doc';
    if (hasOleStream(bytes, 'Workbook') || hasOleStream(bytes, 'Book')) return 'xls';
    throw new SchemeImportError(`这是旧版 Office 文件,但既不是 Word(.doc)也不是 Excel(.xls)文档,无法读取;${LEGACY_UNREADABLE}`);
  }
  if (!isZip(bytes)) throw new SchemeImportError('不是 .xlsx、.docx、.xls 或 .doc 文件(请用 Excel 或 Word 另存为 .xlsx / .docx)');
  const names = zipEntryNames(bytes);
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  throw new SchemeImportError('压缩包中既没有 Excel 工作簿也没有 Word 文档,请提供 .xlsx 或 .docx 文件');
}

export async function readSchemeSource(bytes: Uint8Array): Promise<SchemeSource> {
  const kind = sniffSchemeFile(bytes);
  if (kind === 'xls') return readXls(bytes);
  if (kind === 'doc') return readDoc(bytes);
  // The same zip-bomb guard as the interchange importer (declared and inflated sizes).
  const problem = kind === 'xlsx' ? checkXlsxArchive(bytes) : checkDocxArchive(bytes);
  if (problem) throw new SchemeImportError(problem);
  return kind === 'xlsx' ? readXlsx(bytes) : readDocx(bytes);
}

/** Excel 97–2003 (.xls, BIFF8) through SheetJS: cell texts as displayed, merged ranges spread. */
async function readXls(bytes: Uint8Array): Promise<SchemeSource> {
  const { default: XLSX } = await import('xlsx');
  let workbook: WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: MAX_SCHEME_ROWS + 1 });
  } catch (cause) {
    throw new SchemeImportError(
      `无法读取旧版 Excel 工作簿(.xls):${cause instanceof Error ? cause.message : String(cause)};${LEGACY_UNREADABLE}`,
    );
  }
  const tables: SourceTable[] = [];
  let title = '';
  let total = 0;
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet?.['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const lastCol = Math.min(range.e.c, range.s.c + MAX_COLUMNS - 1);
    const textAt = (r: number, c: number) => {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as CellObject | undefined;
      return cleanCellText(cell?.w ?? (cell?.v === undefined ? '' : String(cell.v)));
    };
    // Every cell a merge covers takes the merge's first cell (text and origin).
    const originOf = new Map<string, { r: number; c: number }>();
    for (const m of sheet['!merges'] ?? [])
      for (let r = m.s.r; r <= Math.min(m.e.r, range.e.r); r++)
        for (let c = m.s.c; c <= Math.min(m.e.c, lastCol); c++) originOf.set(`${r},${c}`, { r: m.s.r, c: m.s.c });
    const rows: TableRow[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells: TableCell[] = [];
      for (let c = range.s.c; c <= lastCol; c++) {
        const origin = originOf.get(`${r},${c}`) ?? { r, c };
        cells.push({
          text: textAt(origin.r, origin.c),
          isOrigin: origin.r === r && origin.c === c,
          originRow: origin.r + 1,
          originCol: origin.c + 1,
        });
      }
      if (cells.every((c) => c.text === '')) continue;
      total++;
      if (total > MAX_SCHEME_ROWS) throw new SchemeImportError(`表格行数超过上限 ${MAX_SCHEME_ROWS} 行,请确认文件是否为考核细则`);
      rows.push({ number: r + 1, cells });
    }
    if (rows.length === 0) continue;
    const first = rows[0];
    if (first && title === '') {
      const texts = new Set(first.cells.map((c) => c.text).filter(Boolean));
      const only = [...texts][0];
      if (texts.size === 1 && only !== undefined && TITLE.test(only)) title = only;
    }
    tables.push({ where: `工作表“${name}”`, heading: name, rows });
  }
  return { kind: 'xls', title, tables };
}

/**
 * Word 97–2003 (.doc): word-extractor gives the text with each cell's end mark as a tab and each
 * row's end mark as a tab or a line break; the tables are rebuilt from those marks. Vertical merges
 * come back as empty cells (the importer carries indicator names down), horizontal merges are lost.
 */
async function readDoc(bytes: Uint8Array): Promise<SchemeSource> {
  const { default: WordExtractor } = await import('word-extractor');
  let body: string;
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = document.getBody();
  } catch (cause) {
    throw new SchemeImportError(
      `无法读取旧版 Word 文档(.doc):${cause instanceof Error ? cause.message : String(cause)};${LEGACY_UNREADABLE}`,
    );
  }
  const { title, tables } = docTables(body);
  if (tables.length === 0) throw new SchemeImportError(`旧版 Word 文档(.doc)中没有读到表格;${LEGACY_UNREADABLE}`);
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  if (rows > MAX_SCHEME_ROWS) throw new SchemeImportError(`表格行数超过上限 ${MAX_SCHEME_ROWS} 行,请确认文件是否为考核细则`);
  return { kind: 'doc', title, tables };
}

/** A .doc body (cells ended by \t, rows by an extra \t or a \n) → its tables and title. */
export function docTables(body: string): { title: string; tables: SourceTable[] } {
  const tokens = body.replace(/\r\n?/g, '\n').split('\t');
  // What follows the last mark is text after the last table, or nothing: never a cell.
  if (tokens.length > 1 && /^\s*$/.test(tokens[tokens.length - 1] ?? '')) tokens.pop();
  const tables: SourceTable[] = [];
  let title = '';
  const paragraphs = (text: string) => {
    const lines = text.split('\n').map(cleanCellText).filter(Boolean);
    for (const line of lines) if (title === '' && TITLE.test(line)) title = line;
    return lines;
  };
  const startsRow = (t: string | undefined) => t !== undefined && t.startsWith('\n');
  /** Where the row starting at `p` with `w` cells ends (the next row's start), or null when it cannot. */
  const rowEnd = (p: number, w: number): number | null => {
    for (let j = p + 1; j < p + w; j++) if (j >= tokens.length || startsRow(tokens[j])) return null;
    // Every row of a Word table ends with its own mark: a row running past the text is no row.
    const e = p + w;
    if (e >= tokens.length) return null;
    if (tokens[e] === '') return e + 1;
    if (startsRow(tokens[e])) return e;
    return null;
  };
  /**
   * How well rows of `w` cells fit from `p`: two points a row parsed, one more when the run stops
   * cleanly (end of text, or paragraphs after the table) rather than on tokens left over.
   */
  const run = (p: number, w: number): { score: number; end: number } => {
    let n = 0;
    let at = p;
    while (n < 50) {
      if (at >= tokens.length || (n > 0 && /\S\n/.test(tokens[at] ?? '')) || (n > 0 && /^\n?\s*$/.test(tokens.slice(at).join(''))))
        return { score: 2 * n + 1, end: at };
      const next = rowEnd(at, w);
      if (next === null) break;
      at = next;
      n++;
    }
    return { score: 2 * n, end: at };
  };
  let i = 0;
  let heading = '';
  while (i < tokens.length) {
    // Outside a table: paragraphs up to the last line break of this token, then maybe a row.
    const token = tokens[i] ?? '';
    const cut = token.lastIndexOf('\n');
    if (cut >= 0) {
      const lines = paragraphs(token.slice(0, cut));
      if (lines.length > 0) heading = lines[lines.length - 1] ?? heading;
    }
    tokens[i] = cut >= 0 ? `\n${token.slice(cut + 1)}` : token;
    if (i === tokens.length - 1) {
      paragraphs(tokens[i] ?? '');
      break;
    }
    let width = 0;
    while (i + width + 1 < tokens.length && tokens[i + width + 1] !== '' && !startsRow(tokens[i + width + 1])) width++;
    width++;
    if (width < 2) {
      i += width + 1;
      continue;
    }
    const rows: TableRow[] = [];
    let p = i;
    let previous = width;
    while (p < tokens.length) {
      if (rows.length > 0 && /\S\n/.test(tokens[p] ?? '')) break; // paragraphs after the table
      let best = { w: 0, n: 0, end: 0 };
      for (let w = 1; w <= MAX_COLUMNS; w++) {
        const { score: n, end } = run(p, w);
        // Equal fits: the one that leaves fewer (empty) marks behind at the end of the text, then
        // the previous row's width, then the header's.
        const clean = n % 2 === 1;
        const better =
          n > best.n ||
          (n === best.n && n > 1 && clean && end > best.end) ||
          (n === best.n && n > 1 && (!clean || end === best.end) && (w === previous || (best.w !== previous && w === width)));
        if (better) best = { w, n, end };
      }
      if (best.n < 2) break;
      const end = rowEnd(p, best.w) ?? tokens.length;
      const texts = tokens.slice(p, p + best.w).map((t) => cleanCellText(t));
      rows.push({
        number: rows.length + 1,
        cells: texts.map((text, c) => ({ text, isOrigin: true, originRow: rows.length, originCol: c })),
      });
      previous = best.w;
      p = end;
    }
    const widest = Math.max(0, ...rows.map((r) => r.cells.length));
    widenMergedHeader(rows, widest);
    for (const [r, row] of rows.entries())
      while (row.cells.length < widest) row.cells.push({ text: '', isOrigin: true, originRow: r, originCol: row.cells.length });
    const kept = rows.filter((r) => r.cells.some((c) => c.text !== ''));
    if (kept.length > 1) tables.push({ where: `第${tables.length + 1}个表格`, heading, rows: kept });
    heading = '';
    i = Math.max(p, i + 1);
  }
  return { title, tables };
}

/**
 * The xlsx guard checks for xl/workbook.xml; a .docx gets the guard's zip check (entries, declared
 * size, and the size inflating really produces, stopped at the limit: headers can lie).
 */
function checkDocxArchive(bytes: Uint8Array): string | null {
  return checkZipArchive(bytes, {
    maxUncompressedBytes: MAX_XLSX_UNCOMPRESSED_BYTES,
    maxEntries: 10_000,
    requiredEntries: [],
    what: 'Word 文档',
  });
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

const LEVEL_HEADER = /[一二三四五六]级指标|考核项目|考评项目|评估项目|考核指标|指标名称|^项目$|^指标$/;

/**
 * A .doc row lists its cells, not the grid: a header narrower than the widest rows had a cell over
 * several columns, in 细则 tables the indicator heading (考核项目 over 项目 and 部门). Rows as narrow
 * as the header get that cell repeated (as one merged cell), so their columns line up again.
 */
function widenMergedHeader(rows: TableRow[], widest: number): void {
  const header = rows[0];
  if (!header) return;
  const width = header.cells.length;
  const missing = widest - width;
  const at = header.cells.findIndex((c) => LEVEL_HEADER.test(c.text.replace(/\s+/g, '')));
  if (missing <= 0 || at < 0) return;
  for (const row of rows) {
    if (row.cells.length !== width) continue;
    const cell = row.cells[at] as TableCell;
    const copies = Array.from({ length: missing }, () => ({ ...cell, isOrigin: false }));
    row.cells.splice(at + 1, 0, ...copies);
  }
}
