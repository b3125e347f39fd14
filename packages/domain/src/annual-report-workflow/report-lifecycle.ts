// The life of one version of a unit's annual report: draft → submitted → returned → submitted →
// accepted. Accepted versions are locked; a correction starts the next version as a draft.
import type { ReportStatus } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import type { ReportCheck, ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import { warningKey } from './report-warnings';

export type ReportAction = 'save' | 'submit' | 'return' | 'accept' | 'correct';

const FROM: Record<ReportAction, readonly ReportStatus[]> = {
  save: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
  correct: ['accepted'],
};

const TO: Record<Exclude<ReportAction, 'correct'>, ReportStatus> = {
  save: 'draft',
  submit: 'submitted',
  return: 'returned',
  accept: 'accepted',
};

export function canPerform(status: ReportStatus, action: ReportAction): boolean {
  return FROM[action].includes(status);
}

/** The status after the action, or null when the action is not allowed from `status`. A correction leaves the version as it is. */
export function nextStatus(status: ReportStatus, action: ReportAction): ReportStatus | null {
  if (!canPerform(status, action)) return null;
  if (action === 'correct') return status;
  // Saving a returned report keeps it returned until it is submitted again.
  if (action === 'save') return status;
  return TO[action];
}

export function isEditable(status: ReportStatus): boolean {
  return canPerform(status, 'save');
}

/** The layout a report for `year` is kept in: the 2021 format from the 2021 reports on, the 2019 trial format before. */
export function reportFormatForYear(year: number): ReportFormat {
  return year >= 2021 ? 2021 : 2019;
}

export interface SubmitReadiness {
  /** Hard-rule findings (errors and 无法核验 warnings): each blocks submission. */
  blocking: ReportCheck[];
  /** Soft-rule warnings without a written explanation. */
  unexplained: ReportCheck[];
  /** The explanations that still apply (stale ones dropped). */
  explanations: Record<string, string>;
  ready: boolean;
}

const HARD = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7']);

/** Whether a report with these checks may be submitted: no hard-rule finding, every soft warning explained. */
export function assessSubmitReadiness(checks: readonly ReportCheck[], explanations: Readonly<Record<string, string>>): SubmitReadiness {
  const blocking = checks.filter((c) => c.severity === 'error' || HARD.has(c.rule));
  const soft = checks.filter((c) => c.severity === 'warning' && !HARD.has(c.rule));
  const kept: Record<string, string> = {};
  const unexplained: ReportCheck[] = [];
  for (const c of soft) {
    const key = warningKey(c);
    const text = explanations[key]?.trim() ?? '';
    if (text.length > 0) kept[key] = text;
    else unexplained.push(c);
  }
  return { blocking, unexplained, explanations: kept, ready: blocking.length === 0 && unexplained.length === 0 };
}
