// The office's table for a year: every unit that owes a report, its latest version, whether it was
// reported and on time, its rule findings, and the reporting / on-time rates per group and overall.
import type { ReportOverviewRow, ReportingRate } from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { checkStoredReport, countChecks } from '@kaoping/domain/annual-report-workflow/check-stored-report';
import { reportUnitKindOf } from '@kaoping/domain/annual-report-workflow/report-unit-kind';
import { assessReportTimeliness, computeReportingRates } from '@kaoping/domain/annual-report-workflow/reporting-rates';
import { chinaToday } from '@kaoping/domain/period/period';
import {
  listExpectedReportUnits,
  listLatestAcceptedReports,
  listReportVersionsOfYear,
  listReportYears,
  type ReportYearVersion,
} from '@kaoping/db/annual-reports/annual-report.repository';
import { chinaDateOf, type Authed } from './annual-report.service';

export interface ReportYearOverview {
  year: number;
  today: string;
  rows: ReportOverviewRow[];
  groups: ReportingRate[];
  overall: ReportingRate;
}

export async function buildReportYearOverview(ctx: Authed, year: number): Promise<ReportYearOverview> {
  const today = chinaToday(ctx.now());
  const [units, versions, previous] = await Promise.all([
    listExpectedReportUnits(ctx.db, year),
    listReportVersionsOfYear(ctx.db, year),
    listLatestAcceptedReports(ctx.db, year - 1, null),
  ]);
  const byUnit = new Map<number, ReportYearVersion[]>();
  for (const v of versions) byUnit.set(v.unitId, [...(byUnit.get(v.unitId) ?? []), v]);
  const previousByUnit = new Map(previous.map((r) => [r.unitId, r]));
  const ordered = [...units].sort((a, b) => (a.groupSortOrder ?? 999) - (b.groupSortOrder ?? 999) || a.code.localeCompare(b.code));

  const rows: ReportOverviewRow[] = ordered.map((u) => {
    const unitKind = reportUnitKindOf(u.kind);
    const list = byUnit.get(u.unitId) ?? [];
    const latest = list.at(-1) ?? null;
    const firstSubmittedAt = list.map((v) => v.firstSubmittedAt).find((v) => v !== null) ?? null;
    const isSubmitted = firstSubmittedAt !== null;
    const t = assessReportTimeliness({
      year,
      unitKind,
      isSubmitted,
      publishedAt: latest?.publishedAt ?? null,
      firstSubmittedOn: chinaDateOf(firstSubmittedAt),
      today,
    });
    const prev = previousByUnit.get(u.unitId);
    const counts = latest
      ? countChecks(
          checkStoredReport(
            { format: latest.format, year, cells: latest.cells, sectionSix: latest.sectionSix, sections: latest.importSections },
            { unitKind, previous: prev ? { format: prev.format, cells: prev.cells } : null },
          ),
        )
      : { errors: 0, warnings: 0 };
    return {
      unitId: u.unitId,
      unitCode: u.code,
      unitName: u.name,
      unitKind,
      groupCode: u.groupCode,
      groupName: u.groupName,
      deadline: t.deadline,
      reportId: latest?.id ?? null,
      versionNo: latest?.versionNo ?? null,
      status: latest?.status ?? null,
      isSubmitted,
      reportedOn: t.reportedOn,
      timeliness: t.timeliness,
      daysLate: t.daysLate,
      errorCount: counts.errors,
      warningCount: counts.warnings,
    };
  });
  const rates = computeReportingRates(
    rows.map((r) => ({
      groupKey: r.groupCode ?? '—',
      groupLabel: r.groupName ?? '未分组',
      isSubmitted: r.isSubmitted,
      isAccepted: (byUnit.get(r.unitId) ?? []).some((v) => v.status === 'accepted'),
      timeliness: r.timeliness,
    })),
    '全部单位',
  );
  return { year, today, rows, groups: rates.groups, overall: rates.overall };
}

/** Years to offer: those holding reports, and the year whose reports are due now (last calendar year). */
export async function listOfferedReportYears(ctx: Authed): Promise<number[]> {
  const current = Number(chinaToday(ctx.now()).slice(0, 4)) - 1;
  return [...new Set([current, ...(await listReportYears(ctx.db))])].sort((a, b) => b - a);
}
