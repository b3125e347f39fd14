// Publication deadlines (条例 第四十九条, spec §2): departments publish by 31 January, a government's
// own consolidated report by 31 March; townships and streets have no statutory date, so local
// practice (31 January) is applied as a warning only. Dates are China calendar `YYYY-MM-DD` strings.
import type { ReportCheck, ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';

export interface ReportDeadline {
  /** Last day to publish the report for `year`. */
  date: string;
  /** false for townships and streets: a late report is a warning, not an error. */
  statutory: boolean;
}

export function reportDeadline(year: number, unitKind: ReportUnitKind): ReportDeadline {
  switch (unitKind) {
    case 'city_gov':
    case 'county_gov':
      return { date: `${year + 1}-03-31`, statutory: true };
    case 'city_dept':
    case 'county_dept':
      return { date: `${year + 1}-01-31`, statutory: true };
    case 'township':
    case 'street':
      return { date: `${year + 1}-01-31`, statutory: false };
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
function dayNumber(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

export interface TimelinessInput {
  year: number;
  unitKind: ReportUnitKind;
  /** China calendar date the report was published, or null if not yet. */
  publishedAt: string | null;
  /** Today's China calendar date, to tell "not yet due" from "overdue" for unpublished reports. */
  today?: string;
}

export interface Timeliness {
  deadline: string;
  status: 'on_time' | 'late' | 'not_due' | 'overdue';
  /** Days after the deadline (published late, or overdue as of today); 0 otherwise. */
  daysLate: number;
  check: ReportCheck | null;
}

export function checkTimeliness(input: TimelinessInput): Timeliness {
  const { date, statutory } = reportDeadline(input.year, input.unitKind);
  const due = dayNumber(date) ?? 0;
  const severity = statutory ? 'error' : 'warning';
  const basis = statutory ? '条例第四十九条' : '乡镇街道按本地通知';
  const make = (message: string): ReportCheck => ({ rule: 'T1', severity, cells: [], message, lhs: null, rhs: null, delta: null });
  if (input.publishedAt !== null) {
    const published = dayNumber(input.publishedAt);
    if (published === null) throw new RangeError(`publishedAt must be YYYY-MM-DD: ${input.publishedAt}`);
    const daysLate = Math.max(0, published - due);
    if (daysLate === 0) return { deadline: date, status: 'on_time', daysLate, check: null };
    return {
      deadline: date,
      status: 'late',
      daysLate,
      check: make(`${input.year} 年度报告于 ${input.publishedAt} 发布, 晚于期限 ${date}(${basis}) ${daysLate} 天`),
    };
  }
  const today = input.today === undefined ? null : dayNumber(input.today);
  if (today === null || today <= due) return { deadline: date, status: 'not_due', daysLate: 0, check: null };
  const daysLate = today - due;
  return {
    deadline: date,
    status: 'overdue',
    daysLate,
    check: make(`${input.year} 年度报告截至 ${input.today ?? ''} 仍未发布, 已超过期限 ${date}(${basis}) ${daysLate} 天`),
  };
}
