// Schemas for a 政府信息公开工作年度报告 held as cells (docs/annual-report-format.md).
// The cell keys themselves (which key exists in which format, with its Chinese labels) live in
// @kaoping/domain/annual-report/template; here a key is checked only for its shape.
import { z } from 'zod';

/** Table layout of a report: the 2021 national format or the 2019 trial format it replaced. */
export const reportFormatSchema = z.union([z.literal(2021), z.literal(2019)]);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

/** `apply.result.deny.state_secret.total`, `active.fees.amount_wan`, `review.total`… */
export const cellKeySchema = z
  .string()
  .regex(/^(active|active2019|apply|review|litigation)(\.[a-z0-9_]+)+$/, 'not an annual-report cell key');

/** A cell: a number, or null when the source left it blank or it could not be read. */
export const cellValueSchema = z.number().finite().nullable();

export const reportCellsSchema = z.record(cellKeySchema, cellValueSchema);
export type ReportCells = z.infer<typeof reportCellsSchema>;

/** H1–H7 are the hard 勾稽关系 (errors), S1–S8 the soft rules (warnings), T1 the publication deadline. */
export const reportRuleIdSchema = z.enum(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'T1']);
export type ReportRuleId = z.infer<typeof reportRuleIdSchema>;

export const checkSeveritySchema = z.enum(['error', 'warning']);
export type CheckSeverity = z.infer<typeof checkSeveritySchema>;

/**
 * One finding about a report. `lhs`/`rhs`/`delta` (= lhs − rhs) are set when both sides of an
 * equation could be computed; they are null for 未填写 (blank) and 无法核验 (unresolved) findings.
 */
export const reportCheckSchema = z.object({
  rule: reportRuleIdSchema,
  severity: checkSeveritySchema,
  cells: z.array(cellKeySchema),
  message: z.string().min(1),
  lhs: z.number().nullable(),
  rhs: z.number().nullable(),
  delta: z.number().nullable(),
});
export type ReportCheck = z.infer<typeof reportCheckSchema>;

/** Kinds of reporting unit the deadline and legal-capacity rules distinguish (glossary names + two more). */
export const reportUnitKindSchema = z.enum(['city_gov', 'county_gov', 'city_dept', 'county_dept', 'township', 'street']);
export type ReportUnitKind = z.infer<typeof reportUnitKindSchema>;

/** A report as stored: whose, which year, which layout, and its cells. */
export const annualReportSchema = z.object({
  unit: z.string().nullable(),
  year: z.number().int().min(2007).max(2100).nullable(),
  format: reportFormatSchema,
  cells: reportCellsSchema,
  unresolved: z.array(cellKeySchema).default([]),
});
export type AnnualReport = z.infer<typeof annualReportSchema>;
