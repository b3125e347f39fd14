// A city-wide sum of many units' reports, cell by cell, saying which sums are incomplete.
import type { ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import type { CellValues } from './rules';
import { APPLICANT_COLUMN_KEYS, OTHER_SUBROW_KEYS, reportCellKeys, templateCellKeys } from './template';

export interface ReportToAggregate {
  format: ReportFormat;
  cells: CellValues;
  unresolved?: readonly string[];
}

export interface AggregatedReport {
  reportCount: number;
  formats: Record<ReportFormat, number>;
  /** Sum of the numbers reported for each key; null when no report gave one. */
  cells: Record<string, number | null>;
  /** How many reports contributed a number to each key. */
  contributors: Record<string, number>;
  /** Keys whose sum misses at least one report (blank, unresolved, or not in that report's format). */
  incomplete: string[];
}

const OTHER_SUM_KEYS = APPLICANT_COLUMN_KEYS.map((c) => `apply.result.other.sum.${c}`);

/** (六)其他处理 as one row, so 2019 and 2021 reports add up together. */
function otherSum(cells: CellValues, column: string): number | null {
  let s = 0;
  for (const row of OTHER_SUBROW_KEYS) {
    const v = cells[`${row}.${column}`];
    if (typeof v !== 'number') return null;
    s += v;
  }
  return s;
}

export function aggregateReports(reports: readonly ReportToAggregate[]): AggregatedReport {
  const formats: Record<ReportFormat, number> = { 2021: 0, 2019: 0 };
  for (const r of reports) formats[r.format] += 1;
  const keys: string[] = [];
  const seen = new Set<string>();
  const addKeys = (list: readonly string[]) => {
    for (const k of list)
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
  };
  for (const f of [2021, 2019] as const) if (formats[f] > 0) addKeys(reportCellKeys(f));
  addKeys(OTHER_SUM_KEYS);

  const cells: Record<string, number | null> = {};
  const contributors: Record<string, number> = {};
  for (const k of keys) {
    cells[k] = null;
    contributors[k] = 0;
  }
  const formatKeys = { 2021: new Set(templateCellKeys(2021)), 2019: new Set(templateCellKeys(2019)) };
  for (const r of reports) {
    const unresolved = new Set(r.unresolved ?? []);
    for (const k of keys) {
      let v: number | null | undefined = formatKeys[r.format].has(k) ? r.cells[k] : undefined;
      if (v === undefined && r.format === 2021 && k.startsWith('apply.result.other.sum.'))
        v = otherSum(r.cells, k.slice('apply.result.other.sum.'.length));
      if (typeof v !== 'number' || !Number.isFinite(v) || unresolved.has(k)) continue;
      cells[k] = Math.round(((cells[k] ?? 0) + v) * 1e6) / 1e6;
      contributors[k] = (contributors[k] ?? 0) + 1;
    }
  }
  const incomplete = keys.filter((k) => (contributors[k] ?? 0) < reports.length);
  return { reportCount: reports.length, formats, cells, contributors, incomplete };
}
