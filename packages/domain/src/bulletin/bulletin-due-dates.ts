// The bulletin's requirement deadlines (完成时限) follow from its 成文日期 (the issue date) in China
// working days: a requirement "N个工作日内" is due on the N-th working day after the issue date
// (calendar/work-calendar.ts: the issue date itself is not counted; holidays and 调休 are). A
// requirement may instead carry a date the office typed; such a date is checked, not moved:
// one on or before the 成文日期, or before today (Asia/Shanghai), cannot be complied with and is
// flagged in the editor and refused when the .docx is exported.
import { addWorkingDays, MAX_WORKING_DAYS, type WorkCalendar } from '../calendar/work-calendar';

/** What the rule needs of a requirement: `workingDays` set = due N working days after the issue date. */
export interface DueRequirement {
  heading: string;
  dueDate: string | null;
  workingDays?: number | null;
}

/** The due date a requirement prints: computed from the issue date when it counts working days, else its own. */
export function requirementDueDate(calendar: WorkCalendar, issueDate: string, requirement: DueRequirement): string | null {
  const n = requirement.workingDays ?? null;
  if (n === null) return requirement.dueDate;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) return requirement.dueDate;
  return addWorkingDays(calendar, issueDate, n);
}

/** The requirements with each working-day deadline recomputed from `issueDate` (explicit dates kept). */
export function withDueDates<R extends DueRequirement>(calendar: WorkCalendar, issueDate: string, requirements: readonly R[]): R[] {
  return requirements.map((r) => ({ ...r, dueDate: requirementDueDate(calendar, issueDate, r) }));
}

export interface DueDateProblem {
  /** 0-based position in the list. */
  index: number;
  heading: string;
  dueDate: string;
  /** notAfterIssueDate: on or before the 成文日期; past: before today. */
  kind: 'notAfterIssueDate' | 'past';
}

/**
 * The requirements whose due date cannot be met: on or before the issue date (checked first, as
 * the document contradicts itself), or before today. Dates compare as YYYY-MM-DD strings.
 */
export function dueDateProblems(input: { issueDate: string; today: string; requirements: readonly DueRequirement[] }): DueDateProblem[] {
  const out: DueDateProblem[] = [];
  input.requirements.forEach((r, index) => {
    if (r.dueDate === null) return;
    if (r.dueDate <= input.issueDate) out.push({ index, heading: r.heading, dueDate: r.dueDate, kind: 'notAfterIssueDate' });
    else if (r.dueDate < input.today) out.push({ index, heading: r.heading, dueDate: r.dueDate, kind: 'past' });
  });
  return out;
}

const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** The refusal the export gives, in Chinese: every flagged requirement with its reason. */
export function dueDateProblemMessage(problems: readonly DueDateProblem[], issueDate: string): string {
  const lines = problems.map(
    (p) =>
      `第${p.index + 1}条「${p.heading}」的完成时限${chineseDate(p.dueDate)}` +
      (p.kind === 'notAfterIssueDate' ? `不晚于成文日期${chineseDate(issueDate)}` : '已过'),
  );
  return `工作要求的完成时限有误,请在通报中修改后再导出:${lines.join(';')}。`;
}
