// Totals a form can fill in by itself: the 总计 column (H2), the (七)总计 row (H3), the 四 totals
// (H4–H6), and the subtotals the format does not print (group `.sum` rows, `.org_sum` column).
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import type { CellValues } from './rules';
import { APPLICANT_PART_COLUMNS, APPLY_ROWS_2019, APPLY_ROWS_2021, CASE_GROUPS, RESULT_GROUPS } from './template';

export interface DeriveTotalsOptions {
  /** Count blank inputs as 0 (a form's running totals); by default a total needs every input filled. */
  blankAsZero?: boolean;
}

const ORG_COLUMNS = APPLICANT_PART_COLUMNS.filter((c) => c !== 'natural');

/**
 * The totals implied by the cells entered, keyed like the cells. A total is offered only when all
 * its inputs are known (entered, or themselves derived); compare with the entered value to spot slips.
 */
export function deriveTotals(cells: CellValues, format: ReportFormat, options: DeriveTotalsOptions = {}): Record<string, number> {
  const derived: Record<string, number> = {};
  const value = (k: string): number | null => {
    const v = cells[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const d = derived[k];
    if (d !== undefined) return d;
    return options.blankAsZero ? 0 : null;
  };
  const sum = (keys: readonly string[]): number | null => {
    let s = 0;
    for (const k of keys) {
      const v = value(k);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  const offer = (key: string, keys: readonly string[]) => {
    const s = sum(keys);
    if (s !== null) derived[key] = s;
  };

  const rows = format === 2021 ? APPLY_ROWS_2021 : APPLY_ROWS_2019;
  const resultLeaves = rows.filter((r) => r.key.startsWith('apply.result.') && r.key !== 'apply.result.total');
  // (七)总计 per applicant column first, so its 总计 can follow from it.
  for (const c of APPLICANT_PART_COLUMNS)
    offer(
      `apply.result.total.${c}`,
      resultLeaves.map((r) => `${r.key}.${c}`),
    );
  for (const r of rows) {
    offer(
      `${r.key}.total`,
      APPLICANT_PART_COLUMNS.map((c) => `${r.key}.${c}`),
    );
    offer(
      `${r.key}.org_sum`,
      ORG_COLUMNS.map((c) => `${r.key}.${c}`),
    );
  }
  for (const g of RESULT_GROUPS) {
    if (format === 2019 && g.key === 'apply.result.other') continue;
    const leaves = rows.filter((r) => r.key.startsWith(`${g.key}.`));
    for (const c of [...APPLICANT_PART_COLUMNS, 'total'])
      offer(
        `${g.key}.sum.${c}`,
        leaves.map((r) => `${r.key}.${c}`),
      );
  }
  for (const g of CASE_GROUPS)
    offer(
      `${g.key}.total`,
      ['upheld', 'corrected', 'other', 'pending'].map((o) => `${g.key}.${o}`),
    );
  return derived;
}
