// Annual-report on-time rates as the overview shows them, computed the way the reports overview
// does (domain/annual-report-workflow/reporting-rates), from the versions' times without cells.
import type { UnitKind } from '@kaoping/contracts/units/unit';
import { reportUnitKindOf } from '../annual-report-workflow/report-unit-kind';
import { assessReportTimeliness, computeReportingRates, type ReportTimeliness } from '../annual-report-workflow/reporting-rates';
import { chinaToday } from '../period/period';

export interface ReportTimelinessRow {
  unitId: number;
  code: string;
  name: string;
  groupCode: string | null;
  isSubmitted: boolean;
  timeliness: ReportTimeliness;
  deadline: string;
  reportedOn: string | null;
  daysLate: number;
}

/** A unit that owes a report for the year (its kind decides the deadline). */
export interface ExpectedReporter {
  unitId: number;
  code: string;
  name: string;
  kind: UnitKind;
  groupCode: string | null;
  groupName: string | null;
}

/** When a unit's report versions were published and first submitted. */
export interface ReportVersionTimes {
  unitId: number;
  status: string;
  publishedAt: string | null;
  firstSubmittedAt: string | null;
}

/** Every unit that owes a report for `year` (or only `unitId`), with its timeliness as of `today`, and the rates. */
export function reportTimelinessOf(
  year: number,
  today: string,
  expected: readonly ExpectedReporter[],
  versions: readonly ReportVersionTimes[],
  unitId: number | null = null,
) {
  const byUnit = new Map<number, ReportVersionTimes[]>();
  for (const v of versions) {
    const list = byUnit.get(v.unitId);
    if (list) list.push(v);
    else byUnit.set(v.unitId, [v]);
  }
  const rows: (ReportTimelinessRow & { groupName: string | null; isAccepted: boolean })[] = [];
  for (const u of expected) {
    if (unitId !== null && u.unitId !== unitId) continue;
    const list = byUnit.get(u.unitId) ?? [];
    const latest = list[list.length - 1] ?? null;
    const firstSubmittedAt = list.map((v) => v.firstSubmittedAt).find((v) => v !== null) ?? null;
    const isSubmitted = firstSubmittedAt !== null;
    const t = assessReportTimeliness({
      year,
      unitKind: reportUnitKindOf(u.kind),
      isSubmitted,
      publishedAt: latest?.publishedAt ?? null,
      firstSubmittedOn: firstSubmittedAt === null ? null : chinaToday(new Date(firstSubmittedAt)),
      today,
    });
    rows.push({
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      groupCode: u.groupCode,
      groupName: u.groupName,
      isSubmitted,
      isAccepted: list.some((v) => v.status === 'accepted'),
      timeliness: t.timeliness,
      deadline: t.deadline,
      reportedOn: t.reportedOn,
      daysLate: t.daysLate,
    });
  }
  const rates = computeReportingRates(
    rows.map((r) => ({
      groupKey: r.groupCode ?? '—',
      groupLabel: r.groupName ?? '未分组',
      isSubmitted: r.isSubmitted,
      isAccepted: r.isAccepted,
      timeliness: r.timeliness,
    })),
    '全部单位',
  );
  return { year, rows, overall: rates.overall, groups: rates.groups };
}
