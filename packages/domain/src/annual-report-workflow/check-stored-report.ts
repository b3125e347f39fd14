// The one call that checks a stored or edited report — in the browser form as the liaison types,
// on the server at save and submit, in the command-line import — so the rules run unchanged everywhere.
import type { ReportCheck, ReportFormat, ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import { checkReport } from '../annual-report/check-report';
import type { CellValues } from '../annual-report/rules';
import type { SoftRuleContext } from '../annual-report/soft-rules';

export interface StoredReportToCheck {
  format: ReportFormat;
  year: number;
  cells: CellValues;
  sectionSix: string;
  /** Part headings found in an imported source (S8); omitted for a report typed into the form. */
  sections?: readonly string[] | null;
}

export interface StoredReportContext {
  unitKind: ReportUnitKind;
  /** The unit's accepted report for the year before (S1, S2), or null. */
  previous: { format: ReportFormat; cells: CellValues } | null;
}

export function checkStoredReport(report: StoredReportToCheck, context: StoredReportContext): ReportCheck[] {
  const soft: SoftRuleContext = { unitKind: context.unitKind, previous: context.previous, sixthSectionText: report.sectionSix };
  if (report.sections && report.sections.length > 0) soft.sections = report.sections;
  return checkReport({ format: report.format, year: report.year, cells: report.cells }, soft);
}

/** Errors and warnings of a check list, for counters. */
export function countChecks(checks: readonly ReportCheck[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const c of checks) if (c.severity === 'error') errors++;
  return { errors, warnings: checks.length - errors };
}
