// The city-wide summary: the accepted reports of a chosen set of units added up cell by cell, the
// rules re-checked on the sum, and the tables exported as .docx (national layout) and .xlsx.
import type { z } from 'zod';
import type { ReportCheck, ReportFormat } from '@kaoping/contracts/annual-report/annual-report';
import {
  type reportExportInputSchema,
  type reportSummaryInputSchema,
} from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { aggregateReports } from '@kaoping/domain/annual-report/aggregate-reports';
import { checkReport } from '@kaoping/domain/annual-report/check-report';
import { reportFormatForYear } from '@kaoping/domain/annual-report-workflow/report-lifecycle';
import { listExpectedReportUnits, listLatestAcceptedReports } from '@kaoping/db/annual-reports/annual-report.repository';
import { recordChange } from '../audit/record-change';
import type { Authed } from './annual-report.service';

export interface ReportSummary {
  year: number;
  format: ReportFormat;
  /** Units whose accepted report is in the sum. */
  units: { unitId: number; code: string; name: string; versionNo: number }[];
  /** Chosen units without an accepted report (left out of the sum). */
  missing: { unitId: number; code: string; name: string }[];
  reportCount: number;
  cells: Record<string, number | null>;
  contributors: Record<string, number>;
  incomplete: string[];
  checks: ReportCheck[];
}

export async function buildReportSummary(ctx: Authed, input: z.output<typeof reportSummaryInputSchema>): Promise<ReportSummary> {
  const reports = await listLatestAcceptedReports(ctx.db, input.year, input.unitIds);
  const included = new Set(reports.map((r) => r.unitId));
  let missing: ReportSummary['missing'] = [];
  if (input.unitIds !== null) {
    const wanted = new Set(input.unitIds);
    missing = (await listExpectedReportUnits(ctx.db, input.year))
      .filter((u) => wanted.has(u.unitId) && !included.has(u.unitId))
      .map((u) => ({ unitId: u.unitId, code: u.code, name: u.name }));
  }
  const aggregated = aggregateReports(reports.map((r) => ({ format: r.format, cells: r.cells })));
  const format = reportFormatForYear(input.year);
  return {
    year: input.year,
    format,
    units: reports.map((r) => ({ unitId: r.unitId, code: r.unitCode, name: r.unitName, versionNo: r.versionNo })),
    missing,
    reportCount: aggregated.reportCount,
    cells: aggregated.cells,
    contributors: aggregated.contributors,
    incomplete: aggregated.incomplete,
    checks: reports.length === 0 ? [] : checkReport({ format, year: input.year, cells: aggregated.cells }),
  };
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The summary as a document; the export itself is recorded in the audit log. */
export async function exportReportSummary(
  ctx: Authed,
  input: z.output<typeof reportExportInputSchema>,
): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
  const summary = await buildReportSummary(ctx, input);
  const title = input.title || `${input.year}年政府信息公开工作年度报告汇总表`;
  const document = {
    title,
    year: input.year,
    format: summary.format,
    cells: summary.cells,
    scope: `汇总 ${summary.reportCount} 个单位已通过的年度报告${summary.missing.length > 0 ? `(另有 ${summary.missing.length} 个所选单位尚无已通过的报告,未计入)` : ''}`,
    units: summary.units.map((u) => ({ code: u.code, name: u.name, versionNo: u.versionNo })),
    checks: summary.checks,
  };
  // The writers (docx, exceljs) load at first use, not with the server.
  const bytes =
    input.format === 'docx'
      ? await (await import('@kaoping/exporters/annual-report/annual-report-docx')).renderAnnualReportDocx(document)
      : await (await import('@kaoping/exporters/annual-report/annual-report-xlsx')).renderAnnualReportXlsx(document);
  await recordChange(ctx.db, ctx.user, ctx.now(), {
    action: 'annual_report.export',
    entity: 'annual_report_summary',
    entityId: input.year,
    unitId: null,
    before: null,
    after: { format: input.format, units: summary.reportCount },
  });
  return { fileName: `${title}.${input.format}`, mimeType: MIME[input.format], contentBase64: Buffer.from(bytes).toString('base64') };
}
