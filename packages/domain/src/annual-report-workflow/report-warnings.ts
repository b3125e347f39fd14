// A stable key for a soft-rule warning, so a written explanation stays attached to it while the
// numbers around it change: the rule and its cells, or the rule and its text when it names no cell.
import type { ReportCheck } from '@kaoping/contracts/annual-report/annual-report';

export function warningKey(check: Pick<ReportCheck, 'rule' | 'cells' | 'message'>): string {
  const key = check.cells.length > 0 ? `${check.rule}|${check.cells.join(',')}` : `${check.rule}|${check.message}`;
  return key.length > 200 ? key.slice(0, 200) : key;
}
