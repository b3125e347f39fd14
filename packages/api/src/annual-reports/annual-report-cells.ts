// The cells a stored report may hold: every key of its format, plus the printed group subtotals a
// source may carry (checked by H2/H3 when filled). Anything else is refused, blanks stay null.
import { invalidInput } from '@kaoping/domain/errors/domain-error';
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import type { CellSource } from '@kaoping/contracts/annual-report/parse-result';
import { DERIVED_CELLS, reportCellKeys } from '@kaoping/domain/annual-report/template';

const SUBTOTAL_KEYS = DERIVED_CELLS.filter((d) => d.key.includes('.sum.')).map((d) => d.key);
const ALLOWED = {
  2021: new Set([...reportCellKeys(2021), ...SUBTOTAL_KEYS]),
  2019: new Set([...reportCellKeys(2019), ...SUBTOTAL_KEYS]),
} as const;

export function normalizeReportCells(format: ReportFormat, cells: Readonly<Record<string, number | null>>): Record<string, number | null> {
  const unknown = Object.keys(cells).filter((k) => !ALLOWED[format].has(k));
  if (unknown.length > 0) throw invalidInput(`不是${format}年格式的单元格:${unknown.slice(0, 5).join('、')}`);
  const out: Record<string, number | null> = {};
  for (const key of reportCellKeys(format)) out[key] = cells[key] ?? null;
  for (const key of SUBTOTAL_KEYS) {
    const v = cells[key];
    if (typeof v === 'number') out[key] = v;
  }
  return out;
}

export function normalizeReportSources(format: ReportFormat, sources: Readonly<Record<string, CellSource>>): Record<string, CellSource> {
  const out: Record<string, CellSource> = {};
  for (const [key, source] of Object.entries(sources))
    if (ALLOWED[format].has(key)) out[key] = { line: source.line, text: source.text.slice(0, 300) };
  return out;
}

/** Keys whose value differs, for the audit log. */
export function changedCells(
  before: Readonly<Record<string, number | null>>,
  after: Readonly<Record<string, number | null>>,
): Record<string, [number | null, number | null]> {
  const out: Record<string, [number | null, number | null]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[key] ?? null;
    const a = after[key] ?? null;
    if (b !== a) out[key] = [b, a];
  }
  return out;
}
