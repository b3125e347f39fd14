// Reporting and on-time rates per group and overall, as DHIS2 reports them: expected reports,
// actual reports (报送), actual reports on time; 报送率 = actual / expected and
// 及时率 = actual on time / expected, both in percent with one decimal.
import type { ReportingRate } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import type { ReportUnitKind } from '@kaoping/contracts/annual-report/annual-report';
import { checkTimeliness } from '../annual-report/timeliness';

export type ReportTimeliness = 'on_time' | 'late' | 'not_due' | 'overdue';

export interface UnitReportingStatus {
  groupKey: string;
  groupLabel: string;
  isSubmitted: boolean;
  isAccepted: boolean;
  timeliness: ReportTimeliness;
}

export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

function rateOf(key: string, label: string, rows: readonly UnitReportingStatus[]): ReportingRate {
  const expected = rows.length;
  const submitted = rows.filter((r) => r.isSubmitted).length;
  const onTime = rows.filter((r) => r.isSubmitted && r.timeliness === 'on_time').length;
  const accepted = rows.filter((r) => r.isAccepted).length;
  return {
    key,
    label,
    expected,
    submitted,
    onTime,
    late: submitted - onTime,
    missing: expected - submitted,
    accepted,
    reportingRate: percent(submitted, expected),
    onTimeRate: percent(onTime, expected),
  };
}

/** Rates per group (in the order groups first appear) and for all rows together. */
export function computeReportingRates(
  rows: readonly UnitReportingStatus[],
  overallLabel = '全部',
): { groups: ReportingRate[]; overall: ReportingRate } {
  const byGroup = new Map<string, { label: string; rows: UnitReportingStatus[] }>();
  for (const r of rows) {
    const g = byGroup.get(r.groupKey) ?? { label: r.groupLabel, rows: [] };
    g.rows.push(r);
    byGroup.set(r.groupKey, g);
  }
  return { groups: [...byGroup].map(([key, g]) => rateOf(key, g.label, g.rows)), overall: rateOf('all', overallLabel, rows) };
}

export interface ReportTimelinessInput {
  year: number;
  unitKind: ReportUnitKind;
  isSubmitted: boolean;
  publishedAt: string | null;
  /** China calendar date of the first submission of any version. */
  firstSubmittedOn: string | null;
  today: string;
}

/**
 * Timeliness of a unit's report: a reported one is judged by its publication date (条例 第四十九条),
 * or by the day it was first submitted when no publication date was given; an unreported one is
 * not yet due or overdue as of today.
 */
export function assessReportTimeliness(input: ReportTimelinessInput): {
  deadline: string;
  timeliness: ReportTimeliness;
  daysLate: number;
  reportedOn: string | null;
} {
  const reportedOn = input.isSubmitted ? (input.publishedAt ?? input.firstSubmittedOn) : null;
  const t = checkTimeliness({ year: input.year, unitKind: input.unitKind, publishedAt: reportedOn, today: input.today });
  return { deadline: t.deadline, timeliness: t.status, daysLate: t.daysLate, reportedOn };
}
