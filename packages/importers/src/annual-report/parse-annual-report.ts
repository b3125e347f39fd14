// `kaoping report parse`: a published annual report (text, markdown, HTML, .docx, .pdf) → cells
// under the spec's keys, the source line of each, the checks, and what could not be read.
// Never invents a number: a blank cell is null; a cell that cannot be read with certainty is null
// and listed in `unresolved`. Throws only ReportParseError, when the file cannot be read at all.
import type { ReportFormat, ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import type { CellSource, ReportParseResult } from '@kaoping/contracts/annual-report/parse-result';
import { checkReport } from '@kaoping/domain/annual-report/check-report';
import { APPLICANT_COLUMN_KEYS, OTHER_SUBROW_KEYS, SECTION_TITLES, emptyReportCells } from '@kaoping/domain/annual-report/template';
import type { SectionNumeral } from '@kaoping/domain/annual-report/template';
import { inferUnitKind } from '@kaoping/domain/annual-report/unit-kind';
import { compactLabel, isTraditional, normalizeLine } from './normalize-text';
import { findNarrativeFigures, findSections, findUnitAndYear, sectionLines, splitInlineHeadings } from './read-meta';
import type { Section } from './read-meta';
import { readReportSource, readTextSource } from './read-source';
import type { ReportSource } from './read-source';
import { detectActiveFormat, readActiveTable, readApplyTable, readCasesTable } from './read-tables';
import type { ActiveFormat, TableRead } from './read-tables';
import type { SourceLine } from './source-line';
import type { CellReading } from './resolve-cells';
import { tokenizeLines } from './tokenize';

export interface ParseAnnualReportOptions {
  /** Used only to tell markdown from plain text; the format is detected from the content. */
  fileName?: string;
  /** Overrides the year read from the title. */
  year?: number;
  /** Overrides the unit name read from the title. */
  unit?: string;
  /** For the soft rules S4/S5; guessed from the unit name when absent. */
  unitKind?: ReportUnitKind;
}

/** Any file: bytes of .txt/.md/.html/.htm/.docx/.pdf, or text already decoded. */
export async function parseAnnualReport(input: Uint8Array | string, options: ParseAnnualReportOptions = {}): Promise<ReportParseResult> {
  return parseReportSource(await readReportSource(input, options.fileName), options);
}

/** Text or HTML already in memory; synchronous. */
export function parseAnnualReportText(text: string, options: ParseAnnualReportOptions = {}): ReportParseResult {
  return parseReportSource(readTextSource(text, options.fileName), options);
}

const TABLE_START: Record<'二' | '三' | '四', RegExp> = {
  二: /第二十条|本年制发件数|本年新制作数量/,
  三: /本年新收|申请人情况|勾稽关系/,
  四: /结果维持|未经复议直接起诉|复议后起诉/,
};

/**
 * A table's lines: its section, or when the heading is missing, from where its table starts (a short
 * line with a header word, after `after`: prose like "其中结果维持 72 件" is not a table start).
 */
function tableLines(
  lines: readonly SourceLine[],
  sections: readonly Section[],
  numeral: '二' | '三' | '四',
  after = 0,
): { lines: SourceLine[]; heading: boolean } {
  const own = sectionLines(lines, sections, numeral);
  if (own) return { lines: own, heading: true };
  const start = lines.findIndex((l, i) => {
    if (i < after) return false;
    const label = compactLabel(l.text);
    return label.length <= 40 && TABLE_START[numeral].test(label);
  });
  if (start < 0) return { lines: [], heading: false };
  const starts = (['二', '三', '四'] as const)
    .filter((n) => n !== numeral)
    .map((n) => lines.findIndex((l, i) => i > start && TABLE_START[n].test(compactLabel(l.text))));
  const end = Math.min(lines.length, ...sections.filter((s) => s.index > start).map((s) => s.index), ...starts.filter((i) => i > start));
  return { lines: lines.slice(start, end), heading: false };
}

/** Rows every 三 table has, whatever its layout: missing ones are worth a warning. */
const KEY_APPLY_ROWS: Record<string, string> = {
  'apply.new': '一、本年新收',
  'apply.carried_in': '二、上年结转',
  'apply.result.granted': '(一)予以公开',
  'apply.result.partial': '(二)部分公开',
  'apply.result.total': '(七)总计',
  'apply.carried_out': '四、结转下年度继续办理',
};

const ACTIVE_ROW_NAMES: Record<ActiveFormat, Record<string, string>> = {
  2021: {
    rules: '规章',
    normative: '行政规范性文件',
    licensing: '行政许可',
    punishment: '行政处罚',
    coercion: '行政强制',
    fees: '行政事业性收费',
  },
  2019: {
    rules: '规章',
    normative: '规范性文件',
    licensing: '行政许可',
    other_services: '其他对外管理服务事项',
    punishment: '行政处罚',
    coercion: '行政强制',
    fees: '行政事业性收费',
    procurement: '政府集中采购',
  },
};

const SNIPPET_BEFORE = 60;
const SNIPPET_AFTER = 40;

/**
 * A cell's source: its line, a window of that line's text around the digits read (the whole line
 * when short), where the digits sit in that window, and whether the hard rules settled the reading.
 * `lineText(src)` is the text the offsets are into: the original line when normalising kept its length.
 */
function sourceOf(cell: CellReading, lineText: (src: number) => string, fallback: string): CellSource {
  const settled = cell.settled === true ? ('rule' as const) : ('read' as const);
  const line = cell.line ?? 1;
  if (cell.src === undefined || cell.at === undefined || cell.len === undefined) return { line, text: fallback, settled };
  const text = lineText(cell.src);
  if (cell.at + cell.len > text.length) return { line, text: fallback, settled };
  const from = Math.max(0, cell.at - SNIPPET_BEFORE);
  const to = Math.min(text.length, cell.at + cell.len + SNIPPET_AFTER);
  const lead = text.slice(from, cell.at).replace(/^\s+/, '');
  const snippet = `${from > 0 ? '…' : ''}${lead}${text.slice(cell.at, to).replace(/\s+$/, '')}${to < text.length ? '…' : ''}`;
  const start = (from > 0 ? 1 : 0) + lead.length;
  return { line, text: snippet, span: [start, start + cell.len], settled };
}

export function parseReportSource(source: ReportSource, options: ParseAnnualReportOptions = {}): ReportParseResult {
  const warnings: string[] = [...source.notes];
  const traditional = isTraditional(source.lines.map((l) => l.text).join('\n'));
  if (traditional) warnings.push('原文为繁体字, 已转换为简体字(OpenCC)后识别');
  const lines = splitInlineHeadings(
    source.lines.map((l, src) => ({ text: normalizeLine(l.text, traditional), line: l.line, src, offset: 0 })),
  );
  const sections = findSections(lines);
  const found = findUnitAndYear(lines);
  const unit = options.unit ?? found.unit;
  const year = options.year ?? found.year;
  if (unit === null) warnings.push('没有从标题中识别出单位名称(可用 --unit 指定)');
  if (year === null) warnings.push('没有从标题中识别出报告年度(可用 --year 指定)');

  // The three tables.
  const applyPart = tableLines(lines, sections, '三');
  const activePart = tableLines(lines, sections, '二');
  const casesPart = tableLines(lines, sections, '四', Math.max(0, lines.indexOf(applyPart.lines[0] ?? { text: '', line: 0 })));
  const applyTokens = tokenizeLines(applyPart.lines);
  const activeTokens = tokenizeLines(activePart.lines);
  const casesTokens = tokenizeLines(casesPart.lines);
  warnings.push(...activeTokens.notes, ...applyTokens.notes, ...casesTokens.notes);
  const apply = readApplyTable(applyTokens.tokens);
  const cases = readCasesTable(casesTokens.tokens);

  const otherRowsRead = OTHER_SUBROW_KEYS.some((k) => apply.rows.has(k));
  const applyHint: ActiveFormat | null = otherRowsRead ? 2021 : apply.rows.has('apply.result.other.sum') ? 2019 : null;
  const headerFormat = detectActiveFormat(activeTokens.tokens);
  let active = readActiveTable(activeTokens.tokens, headerFormat ?? applyHint ?? 2021);
  let shapeFormat: ActiveFormat | null = null;
  if (
    headerFormat === null &&
    applyHint === null &&
    ['licensing', 'punishment', 'coercion'].some((k) => (active.widths.get(k) ?? 0) === 3)
  ) {
    shapeFormat = 2019;
    active = readActiveTable(activeTokens.tokens, 2019);
  }
  const hasTables = active.rows.size + apply.rows.size + cases.rows.size > 0;
  const byYear: ReportFormat = year !== null && year < 2021 ? 2019 : 2021;
  const format: ReportFormat | null = hasTables ? (headerFormat ?? applyHint ?? shapeFormat ?? byYear) : null;
  const cellFormat: ReportFormat = format ?? byYear;
  if (format !== null && headerFormat !== null && applyHint !== null && headerFormat !== applyHint)
    warnings.push(`二 的表格是 ${headerFormat} 年格式, 三 的“(六)其他处理”却是 ${applyHint} 年格式的写法`);

  // Cells, sources, unresolved.
  const cells = emptyReportCells(cellFormat);
  const sources: Record<string, CellSource> = {};
  const unresolved: string[] = [];
  const originalText = new Map<number, string>();
  for (const l of source.lines) if (!originalText.has(l.line)) originalText.set(l.line, l.text.trim().slice(0, 160));
  const lineText = (src: number) => {
    const original = source.lines[src]?.text ?? '';
    const normalized = normalizeLine(original, traditional);
    return normalized.length === original.length ? original : normalized;
  };
  const place = (read: TableRead, allowExtra: (key: string) => boolean) => {
    for (const [key, cell] of read.cells) {
      if (!(key in cells) && !allowExtra(key)) continue;
      cells[key] = cell.value;
      if (cell.unresolved) unresolved.push(key);
      if (cell.line !== null) sources[key] = sourceOf(cell, lineText, originalText.get(cell.line) ?? '');
    }
  };
  place(active, () => false);
  // A printed group subtotal row ((三)不予公开 with values) is kept under its derived `.sum` key.
  const printedSums = new Set(
    [...apply.rows]
      .filter((k) => k.endsWith('.sum'))
      .filter((k) =>
        APPLICANT_COLUMN_KEYS.some((c) => apply.cells.get(`${k}.${c}`)?.value !== null || apply.cells.get(`${k}.${c}`)?.unresolved),
      ),
  );
  place(apply, (key) => printedSums.has(key.slice(0, key.lastIndexOf('.'))));
  place(cases, () => false);
  if (cellFormat === 2019 && otherRowsRead && !apply.rows.has('apply.result.other.sum')) {
    for (const c of APPLICANT_COLUMN_KEYS) {
      const parts = OTHER_SUBROW_KEYS.map((k) => cells[`${k}.${c}`]);
      cells[`apply.result.other.sum.${c}`] = parts.every((v) => typeof v === 'number')
        ? parts.reduce<number>((s, v) => s + (v ?? 0), 0)
        : null;
    }
    warnings.push('三 表中“(六)其他处理”分三项填写(2021 年格式), 已相加得出 2019 年格式的(六)其他处理');
  }
  if (cellFormat === 2021 && apply.rows.has('apply.result.other.sum') && !otherRowsRead)
    warnings.push('三 表中“(六)其他处理”只有一行(2019 年格式), 2021 年格式应分为三项, 三项的单元格为空');

  // What is missing.
  const title = (n: SectionNumeral) => SECTION_TITLES[n];
  const reportTable = (n: '二' | '三' | '四', read: TableRead, heading: boolean) => {
    if (read.rows.size > 0) return;
    warnings.push(
      heading ? `${title(n)}: 只有标题, 没有找到表格, 该部分单元格均为空` : `没有找到“${title(n)}”部分及其表格, 该部分单元格均为空`,
    );
  };
  reportTable('二', active, activePart.heading);
  reportTable('三', apply, applyPart.heading);
  reportTable('四', cases, casesPart.heading);
  if (active.rows.size > 0) {
    const names = ACTIVE_ROW_NAMES[cellFormat];
    const missing = Object.keys(names).filter((k) => !active.rows.has(k));
    if (missing.length > 0) warnings.push(`${title('二')}: 表格中没有找到 ${missing.map((k) => names[k]).join('、')} 一行, 其单元格为空`);
  }
  if (apply.rows.size > 0) {
    const missing = Object.keys(KEY_APPLY_ROWS).filter((k) => !apply.rows.has(k));
    if (missing.length > 0)
      warnings.push(`${title('三')}: 表格中没有找到 ${missing.map((k) => KEY_APPLY_ROWS[k]).join('、')} 行, 其单元格为空`);
  }
  if (!hasTables && sections.length === 0 && year === null) warnings.push('没有识别出年度报告的任何部分或表格');
  warnings.push(...active.notes, ...apply.notes, ...cases.notes);

  const sectionNumerals = sections.map((s) => s.numeral);
  const firstTable = activePart.lines[0] ? lines.indexOf(activePart.lines[0]) : -1;
  const overview = sectionLines(lines, sections, '一') ?? lines.slice(0, firstTable >= 0 ? firstTable : 400);
  const sixth = sectionLines(lines, sections, '六');
  const unitKind = options.unitKind ?? inferUnitKind(unit);
  const checks = checkReport(
    { format: cellFormat, year, cells, unresolved },
    {
      unitKind,
      narrative: findNarrativeFigures(overview),
      sections: sectionNumerals,
      sixthSectionText: sixth === null ? null : sixth.map((l) => l.text).join('\n'),
      feeUnit: active.feeInYuan ? '元' : null,
    },
  );
  return {
    meta: { unit, year, format, sections: sectionNumerals, input: source.input, traditional },
    cells,
    sources,
    checks,
    unresolved,
    warnings: [...new Set(warnings)],
  };
}
