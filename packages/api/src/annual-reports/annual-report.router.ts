import { z } from 'zod';
import {
  reportAcceptInputSchema,
  reportCorrectionInputSchema,
  reportExportInputSchema,
  reportOpenInputSchema,
  reportParseInputSchema,
  reportReturnInputSchema,
  reportSaveInputSchema,
  reportSubmitInputSchema,
  reportSummaryInputSchema,
  reportYearSchema,
} from '@kaoping/contracts/annual-report-workflow/annual-report-record';
import { officeProcedure, readerProcedure, router, signedInProcedure, filerProcedure } from '../trpc';
import { buildReportYearOverview, listOfferedReportYears } from './annual-report-overview.service';
import { parseReportForConfirmation } from './annual-report-parse.service';
import { acceptReport, returnReport } from './annual-report-review.service';
import { buildReportSummary, exportReportSummary } from './annual-report-summary.service';
import { listReportsOfUnit, openReport, saveReportDraft, startReportCorrection, submitReport } from './annual-report.service';

export const annualReportRouter = router({
  /** Years to offer in pickers. */
  years: signedInProcedure.query(({ ctx }) => listOfferedReportYears(ctx)),
  /** The office's table of a year: every expected report, its status and findings, the rates. */
  overview: readerProcedure.input(z.object({ year: reportYearSchema })).query(({ ctx, input }) => buildReportYearOverview(ctx, input.year)),
  /** A unit's reports by year (a liaison: only their own unit). */
  forUnit: signedInProcedure
    .input(z.object({ unitId: z.number().int().positive() }))
    .query(({ ctx, input }) => listReportsOfUnit(ctx, input.unitId)),
  /** One unit's report of a year (latest or a given version) with checks, versions, last year's report, timeliness. */
  open: signedInProcedure.input(reportOpenInputSchema).query(({ ctx, input }) => openReport(ctx, input)),
  save: filerProcedure.input(reportSaveInputSchema).mutation(({ ctx, input }) => saveReportDraft(ctx, input)),
  /** Parses pasted text or an uploaded file for confirmation; saves nothing. */
  parse: filerProcedure.input(reportParseInputSchema).mutation(({ ctx, input }) => parseReportForConfirmation(ctx, input)),
  submit: filerProcedure.input(reportSubmitInputSchema).mutation(({ ctx, input }) => submitReport(ctx, input)),
  startCorrection: filerProcedure.input(reportCorrectionInputSchema).mutation(({ ctx, input }) => startReportCorrection(ctx, input)),
  returnForCorrection: officeProcedure.input(reportReturnInputSchema).mutation(({ ctx, input }) => returnReport(ctx, input)),
  accept: officeProcedure.input(reportAcceptInputSchema).mutation(({ ctx, input }) => acceptReport(ctx, input)),
  /** The accepted reports of chosen units added up, with the rules re-checked on the sum. */
  summary: readerProcedure.input(reportSummaryInputSchema).query(({ ctx, input }) => buildReportSummary(ctx, input)),
  /** The summary as .docx (national layout) or .xlsx, base64. */
  exportSummary: readerProcedure.input(reportExportInputSchema).mutation(({ ctx, input }) => exportReportSummary(ctx, input)),
});
