// The three tables of the national format (二, 三, 四) as grids of positioned cells with their
// spans, exactly as the 2021 format (国办公开办函〔2021〕30号) prints them. The dashboard form, the
// .docx and the .xlsx all draw from this one layout, so what is typed and what is printed agree.
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import { formatNumber } from '../annual-report/rules';
import {
  APPLICANT_COLUMNS,
  APPLY_TABLE_NOTE,
  CASE_GROUPS,
  CASE_OUTCOME_KEYS,
  SECTION_TITLES,
  cellKeyOf,
  findCellDefinition,
  reportTemplate,
} from '../annual-report/template';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  kind: 'header' | 'label' | 'value';
  /** Cell key of a value cell. */
  key?: string;
}

export interface GridTable {
  section: '二' | '三' | '四';
  title: string;
  /** Relative column widths (they sum to 100). */
  widths: number[];
  rows: number;
  cells: GridCell[];
}

export type CellValues = Readonly<Record<string, number | null | undefined>>;

/** A value as the format prints it: integers plain, 万元 amounts with up to four decimals, blank for no value. */
export function formatCellValue(key: string, value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  if (findCellDefinition(key)?.kind === 'amount') return String(Math.round(value * 10_000) / 10_000);
  return formatNumber(value);
}

class Grid {
  readonly cells: GridCell[] = [];
  rows = 0;
  add(row: number, col: number, text: string, kind: GridCell['kind'], span: { rowSpan?: number; colSpan?: number; key?: string } = {}) {
    const cell: GridCell = { row, col, rowSpan: span.rowSpan ?? 1, colSpan: span.colSpan ?? 1, text, kind };
    if (span.key !== undefined) cell.key = span.key;
    this.cells.push(cell);
    this.rows = Math.max(this.rows, row + cell.rowSpan);
  }
}

/** 二: one block per 第二十条 item: the item title, 信息内容 and its columns, then its rows. */
function activeTable(format: ReportFormat, values: CellValues): GridTable {
  const grid = new Grid();
  const tables = reportTemplate(format).find((s) => s.numeral === '二')?.tables ?? [];
  const width = Math.max(...tables.map((t) => t.columns.length));
  let r = 0;
  for (const t of tables) {
    grid.add(r++, 0, t.block ?? '', 'header', { colSpan: width + 1 });
    // Fewer columns than the widest block: the last one takes the remaining width.
    const spans = t.columns.map((_, i) => (i === t.columns.length - 1 ? width - i : 1));
    grid.add(r, 0, '信息内容', 'header');
    let c = 1;
    t.columns.forEach((col, i) => {
      grid.add(r, c, col.label, 'header', { colSpan: spans[i] ?? 1 });
      c += spans[i] ?? 1;
    });
    r++;
    for (const row of t.rows) {
      grid.add(r, 0, row.label, 'label');
      let cc = 1;
      t.columns.forEach((col, i) => {
        const key = cellKeyOf(row, col);
        grid.add(r, cc, formatCellValue(key, values[key]), 'value', { colSpan: spans[i] ?? 1, key });
        cc += spans[i] ?? 1;
      });
      r++;
    }
  }
  return {
    section: '二',
    title: SECTION_TITLES['二'],
    widths: [28, ...Array.from({ length: width }, () => 72 / width)],
    rows: grid.rows,
    cells: grid.cells,
  };
}

/** 三: the 勾稽 note over three label columns, 申请人情况 over seven value columns, 25 (or 23) data rows. */
function applyTable(format: ReportFormat, values: CellValues): GridTable {
  const grid = new Grid();
  const rows = reportTemplate(format).find((s) => s.numeral === '三')?.tables[0]?.rows ?? [];
  grid.add(0, 0, APPLY_TABLE_NOTE, 'header', { rowSpan: 3, colSpan: 3 });
  grid.add(0, 3, '申请人情况', 'header', { colSpan: 7 });
  grid.add(1, 3, '自然人', 'header', { rowSpan: 2 });
  grid.add(1, 4, '法人或其他组织', 'header', { colSpan: 5 });
  grid.add(1, 9, '总计', 'header', { rowSpan: 2 });
  APPLICANT_COLUMNS.slice(1, 6).forEach((c, i) => grid.add(2, 4 + i, c.label, 'header'));

  const resultRows = rows.filter((row) => row.group !== undefined);
  let r = 3;
  let resultStarted = false;
  const subgroupStarted = new Set<string>();
  for (const row of rows) {
    if (row.group === undefined) grid.add(r, 0, row.label, 'label', { colSpan: 3 });
    else {
      if (!resultStarted) {
        grid.add(r, 0, row.group, 'label', { rowSpan: resultRows.length });
        resultStarted = true;
      }
      if (row.subgroup === undefined) grid.add(r, 1, row.label, 'label', { colSpan: 2 });
      else {
        if (!subgroupStarted.has(row.subgroup)) {
          grid.add(r, 1, row.subgroup, 'label', { rowSpan: rows.filter((x) => x.subgroup === row.subgroup).length });
          subgroupStarted.add(row.subgroup);
        }
        grid.add(r, 2, row.label, 'label');
      }
    }
    APPLICANT_COLUMNS.forEach((c, i) => {
      const key = cellKeyOf(row, c);
      grid.add(r, 3 + i, formatCellValue(key, values[key]), 'value', { key });
    });
    r++;
  }
  return {
    section: '三',
    title: SECTION_TITLES['三'],
    widths: [7, 10, 27, ...Array.from({ length: 7 }, () => 56 / 7)],
    rows: grid.rows,
    cells: grid.cells,
  };
}

const OUTCOME_LABELS: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** 四: 行政复议 (5 columns) and 行政诉讼 (未经复议直接起诉 5 + 复议后起诉 5), one row of values. */
function casesTable(values: CellValues): GridTable {
  const grid = new Grid();
  const [review, direct, afterReview] = CASE_GROUPS;
  grid.add(0, 0, review?.label ?? '行政复议', 'header', { colSpan: 5 });
  grid.add(0, 5, '行政诉讼', 'header', { colSpan: 10 });
  CASE_OUTCOME_KEYS.forEach((o, i) => grid.add(1, i, OUTCOME_LABELS[o] ?? o, 'header', { rowSpan: 2 }));
  grid.add(1, 5, direct?.label.replace(/^行政诉讼·/, '') ?? '未经复议直接起诉', 'header', { colSpan: 5 });
  grid.add(1, 10, afterReview?.label.replace(/^行政诉讼·/, '') ?? '复议后起诉', 'header', { colSpan: 5 });
  [5, 10].forEach((start) => CASE_OUTCOME_KEYS.forEach((o, i) => grid.add(2, start + i, OUTCOME_LABELS[o] ?? o, 'header')));
  let col = 0;
  for (const g of CASE_GROUPS)
    for (const o of CASE_OUTCOME_KEYS) {
      const key = `${g.key}.${o}`;
      grid.add(3, col++, formatCellValue(key, values[key]), 'value', { key });
    }
  return {
    section: '四',
    title: SECTION_TITLES['四'],
    widths: Array.from({ length: 15 }, () => 100 / 15),
    rows: grid.rows,
    cells: grid.cells,
  };
}

export function layoutReportTables(format: ReportFormat, values: CellValues): GridTable[] {
  return [activeTable(format, values), applyTable(format, values), casesTable(values)];
}

/** Column count of a grid. */
export const gridColumns = (t: GridTable): number => t.widths.length;
