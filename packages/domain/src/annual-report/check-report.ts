// One call for everything that can be said about a report: hard rules (errors) then soft rules (warnings).
import type { ReportCheck, ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import { checkHardRules } from './rules';
import type { CellValues } from './rules';
import { checkSoftRules } from './soft-rules';
import type { SoftRuleContext } from './soft-rules';

export interface ReportToCheck {
  format: ReportFormat;
  year?: number | null;
  cells: CellValues;
  unresolved?: readonly string[];
}

export function checkReport(report: ReportToCheck, context: SoftRuleContext = {}): ReportCheck[] {
  const hard =
    report.unresolved === undefined
      ? { format: report.format, cells: report.cells }
      : { format: report.format, cells: report.cells, unresolved: report.unresolved };
  return [...checkHardRules(hard), ...checkSoftRules(report, context)];
}
