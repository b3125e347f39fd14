// Totals the person has not typed follow their parts. A total filled by 空白填0 or 自动填写合计 is
// "automatic": when any part changes it is recomputed from the parts (deriveTotals), so typing 12
// into 本年新收·自然人 after 空白填0 moves 总计 and (七)总计 instead of leaving five H2 errors.
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import { deriveTotals } from '@kaoping/domain/annual-report/derive-totals';

export type Cells = Record<string, number | null>;

/** Every cell key a report of this format can derive as a total (within `templateKeys`). */
export function totalKeysOf(format: ReportFormat, templateKeys: ReadonlySet<string>): Set<string> {
  const zeros: Cells = {};
  for (const k of templateKeys) zeros[k] = null;
  return new Set(Object.keys(deriveTotals(zeros, format, { blankAsZero: true })).filter((k) => templateKeys.has(k)));
}

/**
 * Recomputes each automatic total from its parts. An automatic total whose parts are no longer
 * all known becomes blank again (the form then offers the running total as a grey hint).
 */
export function followTotals(cells: Cells, format: ReportFormat, automatic: ReadonlySet<string>): Cells {
  if (automatic.size === 0) return cells;
  const cleared: Cells = { ...cells };
  for (const k of automatic) cleared[k] = null;
  const derived = deriveTotals(cleared, format);
  const next: Cells = { ...cells };
  for (const k of automatic) next[k] = derived[k] ?? null;
  return next;
}

export interface CellEdit {
  cells: Cells;
  automatic: Set<string>;
}

/** The person typed `value` into `key`: that cell is theirs now; automatic totals follow. */
export function typeCell(state: CellEdit, format: ReportFormat, key: string, value: number | null): CellEdit {
  const automatic = new Set(state.automatic);
  automatic.delete(key);
  return { cells: followTotals({ ...state.cells, [key]: value }, format, automatic), automatic };
}

/** 本表空白填0: blank parts become 0 (typed), blank totals become automatic and follow their parts. */
export function fillBlanksWithZero(
  state: CellEdit,
  format: ReportFormat,
  templateKeys: ReadonlySet<string>,
  totalKeys: ReadonlySet<string>,
): CellEdit {
  const automatic = new Set(state.automatic);
  const cells: Cells = { ...state.cells };
  for (const k of templateKeys) {
    if (cells[k] !== null && cells[k] !== undefined) continue;
    cells[k] = 0;
    if (totalKeys.has(k)) automatic.add(k);
  }
  return { cells: followTotals(cells, format, automatic), automatic };
}

/** 自动填写合计: the offered totals are filled and stay automatic. */
export function fillDerivedTotals(state: CellEdit, format: ReportFormat, offered: Readonly<Record<string, number>>): CellEdit {
  const automatic = new Set(state.automatic);
  for (const k of Object.keys(offered)) automatic.add(k);
  return { cells: followTotals({ ...state.cells, ...offered }, format, automatic), automatic };
}
