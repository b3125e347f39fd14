import { describe, expect, it } from 'vitest';
import { generateReport } from '../annual-report/generate-report';
import { reportCellKeys } from '../annual-report/template';
import { formatCellValue, gridColumns, layoutReportTables, type GridTable } from './report-table-layout';

/** Every position of the grid is covered by exactly one cell. */
function coverage(t: GridTable): number[][] {
  const seen = Array.from({ length: t.rows }, () => Array.from({ length: gridColumns(t) }, () => 0));
  for (const c of t.cells)
    for (let r = c.row; r < c.row + c.rowSpan; r++)
      for (let k = c.col; k < c.col + c.colSpan; k++) (seen[r] ?? [])[k] = ((seen[r] ?? [])[k] ?? 0) + 1;
  return seen;
}

describe('national layout of the report tables', () => {
  it('covers every grid position exactly once and places every cell of the 2021 format', () => {
    const report = generateReport({ seed: 11, unitKind: 'city_gov' });
    const tables = layoutReportTables(2021, report.cells);
    for (const t of tables)
      expect(
        coverage(t)
          .flat()
          .every((n) => n === 1),
        t.section,
      ).toBe(true);
    const placed = tables.flatMap((t) => t.cells.filter((c) => c.key !== undefined).map((c) => c.key));
    expect(placed.sort()).toEqual([...reportCellKeys(2021)].sort());
    const apply = tables[1];
    expect(apply?.rows).toBe(28);
    expect(apply?.cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ col: 0, rowSpan: 22 });
    expect(apply?.cells.find((c) => c.text === '（三）不予公开')).toMatchObject({ col: 1, rowSpan: 8 });
    expect(apply?.cells.find((c) => c.key === 'apply.new.total')?.text).toBe(String(report.cells['apply.new.total']));
  });

  it('lays out the 2019 trial format too, and prints blanks as blanks, never as 0', () => {
    for (const t of layoutReportTables(2019, {}))
      expect(
        coverage(t)
          .flat()
          .every((n) => n === 1),
      ).toBe(true);
    expect(formatCellValue('apply.new.total', null)).toBe('');
    expect(formatCellValue('active.fees.amount_wan', 12.34567)).toBe('12.3457');
  });
});
