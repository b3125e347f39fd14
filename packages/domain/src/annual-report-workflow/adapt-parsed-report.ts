// Fits the cells a parser read onto the report being filled: the same format is copied as is; a
// 2019 trial-format table read for a 2021+ report keeps every cell the two formats share (三 and 四,
// and the 处理决定数量 of 行政许可/处罚/强制, worded the same in both), leaves the 2021-only cells blank
// (to be filled, never guessed), and keeps the single (六)其他处理 row as the printed subtotal the
// three 2021 sub-rows are checked against; where that subtotal is 0 the sub-rows can only be 0.
import type { CellSource } from '@kaoping/contracts/annual-report/parse-result';
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import { APPLICANT_COLUMN_KEYS, DERIVED_CELLS, OTHER_SUBROW_KEYS, emptyReportCells, reportCellKeys } from '../annual-report/template';

export interface ParsedCells {
  format: ReportFormat | null;
  cells: Readonly<Record<string, number | null>>;
  sources: Readonly<Record<string, CellSource>>;
  unresolved: readonly string[];
}

export interface AdaptedCells {
  cells: Record<string, number | null>;
  sources: Record<string, CellSource>;
  unresolved: string[];
  notes: string[];
}

/** Printed subtotal rows (不予公开小计…) a source may carry; checked when present. */
const SUBTOTAL_KEYS = DERIVED_CELLS.filter((d) => d.key.includes('.sum.')).map((d) => d.key);

export function adaptParsedCells(parsed: ParsedCells, target: ReportFormat): AdaptedCells {
  const cells = emptyReportCells(target);
  const sources: Record<string, CellSource> = {};
  const notes: string[] = [];
  const take = (key: string) => {
    const v = parsed.cells[key];
    if (typeof v === 'number' && Number.isFinite(v)) cells[key] = v;
    const s = parsed.sources[key];
    if (s) sources[key] = s;
  };
  for (const key of reportCellKeys(target)) {
    if (target === 2019 && OTHER_SUBROW_KEYS.some((r) => key.startsWith(`${r}.`))) continue;
    take(key);
  }
  for (const key of SUBTOTAL_KEYS) if (typeof parsed.cells[key] === 'number') take(key);

  const from = parsed.format;
  if (from === 2019 && target === 2021) {
    for (const row of ['licensing', 'punishment', 'coercion']) {
      const v = parsed.cells[`active2019.${row}.decisions`];
      if (typeof v === 'number' && Number.isFinite(v)) cells[`active.${row}.decisions`] = v;
      const s = parsed.sources[`active2019.${row}.decisions`];
      if (s) sources[`active.${row}.decisions`] = s;
    }
    notes.push(
      '原报告的表格为 2019 年试行格式: 三、四 部分和 行政许可/行政处罚/行政强制 的处理决定数量已对应填入; 规章、行政规范性文件和收费金额的 2021 年栏目无法对应, 已留空待填写。',
    );
    let split = true;
    for (const c of APPLICANT_COLUMN_KEYS) {
      const sum = parsed.cells[`apply.result.other.sum.${c}`];
      if (sum !== 0) {
        if (typeof sum === 'number') split = false;
        continue;
      }
      for (const r of OTHER_SUBROW_KEYS) {
        cells[`${r}.${c}`] = 0;
        const s = parsed.sources[`apply.result.other.sum.${c}`];
        if (s) sources[`${r}.${c}`] = s;
      }
    }
    if (APPLICANT_COLUMN_KEYS.some((c) => typeof parsed.cells[`apply.result.other.sum.${c}`] === 'number'))
      notes.push(
        split
          ? '原表“(六)其他处理”只有一行, 各栏均为 0, 因此 2021 年格式的三个子项均为 0。'
          : '原表“(六)其他处理”只有一行合计, 已作为小计保留(合计为 0 的栏目子项均为 0); 请将其余栏目拆分填入 2021 年格式的三个子项。',
      );
  }
  if (from === 2021 && target === 2019) {
    notes.push('原报告的表格为 2021 年格式, 本年度应使用 2019 年试行格式: 二 部分已留空待填写; (六)其他处理 三个子项已合并为一行。');
    for (const c of APPLICANT_COLUMN_KEYS) {
      const parts = OTHER_SUBROW_KEYS.map((r) => parsed.cells[`${r}.${c}`]);
      if (parts.every((v) => typeof v === 'number')) cells[`apply.result.other.sum.${c}`] = parts.reduce<number>((s, v) => s + (v ?? 0), 0);
    }
  }
  const known = new Set(Object.keys(cells));
  const unresolved = parsed.unresolved.filter((k) => known.has(k));
  return { cells, sources, unresolved, notes };
}
