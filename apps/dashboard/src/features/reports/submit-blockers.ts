// What stands between a report and 报送, said as a short list: blanks counted once ("N 个单元格未填写"),
// each rule that fails, each soft warning still without an explanation. Each item names the cell to jump to.
import type { ReportCheck } from '@kaoping/contracts/annual-report/annual-report';
import type { SubmitReadiness } from '@kaoping/domain/annual-report-workflow/report-lifecycle';

/** A 未填写 finding: a hard rule that could not be checked because cells are blank. */
export const isBlankFinding = (c: ReportCheck): boolean => c.severity === 'error' && c.lhs === null && c.delta === null;

export type Blocker =
  | { kind: 'blank'; count: number; cell: string | null }
  | { kind: 'rule'; check: ReportCheck; cell: string | null }
  | { kind: 'unexplained'; check: ReportCheck; cell: string | null };

/** The distinct blank cells that the findings name, in order of first mention. */
export function blankCells(checks: readonly ReportCheck[], cells: Readonly<Record<string, number | null>>): string[] {
  const seen = new Set<string>();
  for (const c of checks) if (isBlankFinding(c)) for (const k of c.cells) if (cells[k] === null || cells[k] === undefined) seen.add(k);
  return [...seen];
}

export function submitBlockers(
  readiness: Pick<SubmitReadiness, 'blocking' | 'unexplained'>,
  cells: Readonly<Record<string, number | null>>,
): Blocker[] {
  const blanks = blankCells(readiness.blocking, cells);
  const out: Blocker[] = [];
  if (blanks.length > 0) out.push({ kind: 'blank', count: blanks.length, cell: blanks[0] ?? null });
  for (const c of readiness.blocking) if (!isBlankFinding(c)) out.push({ kind: 'rule', check: c, cell: c.cells[0] ?? null });
  for (const c of readiness.unexplained) out.push({ kind: 'unexplained', check: c, cell: c.cells[0] ?? null });
  return out;
}
