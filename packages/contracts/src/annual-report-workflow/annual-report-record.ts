// The annual-report workflow as the API and the dashboard see it: a unit's report for a year, in
// versions, moving draft → submitted → returned/accepted; the office's yearly status table; the
// city-wide summary. Cell keys and checks come from ../annual-report (the national format).
import { z } from 'zod';
import { chinaDateSchema, yearSchema } from '../common';
import {
  cellKeySchema,
  reportCellsSchema,
  reportCheckSchema,
  reportFormatSchema,
  reportUnitKindSchema,
} from '../annual-report/annual-report';
import { cellSourceSchema, reportInputKindSchema } from '../annual-report/parse-result';

export const reportStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export const reportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const reportStatusLabelsZh: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已通过',
};

const isoDate = chinaDateSchema;
/** Annual reports exist since the 2007 条例. */
export const reportYearSchema = yearSchema.min(2007, '年度不早于 2007');

/** Where an imported report came from; kept with the version so a reader can trace every cell. */
export const reportImportMetaSchema = z.object({
  fileName: z.string().nullable(),
  input: reportInputKindSchema,
  parsedUnit: z.string().nullable(),
  parsedYear: z.number().int().nullable(),
  /** Layout of the tables found (2019 tables are mapped onto a 2021 report, see docs/decisions.md). */
  parsedFormat: reportFormatSchema.nullable(),
  sections: z.array(z.string()),
  traditional: z.boolean(),
  /** Cells the parser could not read with certainty; they were left blank for a person to fill. */
  unresolved: z.array(cellKeySchema),
  warnings: z.array(z.string()),
});
export type ReportImportMeta = z.infer<typeof reportImportMetaSchema>;

export const reportSourcesSchema = z.record(cellKeySchema, cellSourceSchema);

export const annualReportRecordSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  unitKind: reportUnitKindSchema,
  year: z.number().int(),
  /** 1 for the first version; a correction after acceptance creates the next one. */
  versionNo: z.number().int(),
  format: reportFormatSchema,
  status: reportStatusSchema,
  cells: reportCellsSchema,
  sources: reportSourcesSchema,
  importMeta: reportImportMetaSchema.nullable(),
  sectionOne: z.string(),
  sectionFive: z.string(),
  sectionSix: z.string(),
  /** China calendar date the report was published (条例 第四十九条), when known. */
  publishedAt: isoDate.nullable(),
  /** Written explanation per soft-rule warning, keyed by warningKey(). */
  explanations: z.record(z.string(), z.string()),
  correctionReason: z.string().nullable(),
  /** First submission of this report (kept across returns and carried into corrections): timeliness. */
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** Optimistic concurrency. */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AnnualReportRecord = z.infer<typeof annualReportRecordSchema>;

export const reportEventActions = ['created', 'saved', 'imported', 'submitted', 'returned', 'accepted', 'correction'] as const;
export const reportEventSchema = z.object({
  id: z.number().int(),
  reportId: z.number().int(),
  versionNo: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.enum(reportEventActions),
  note: z.string().nullable(),
});
export type ReportEvent = z.infer<typeof reportEventSchema>;

const explanationsSchema = z.record(z.string().max(200), z.string().trim().max(2000));
const cellsInputSchema = reportCellsSchema.refine((cells) => Object.keys(cells).length <= 600, '单元格过多');

/** Save (create or update) the open draft of a unit's report. `id` null creates version 1. */
export const reportSaveInputSchema = z.object({
  unitId: z.number().int().positive(),
  year: reportYearSchema,
  id: z.number().int().positive().nullable().default(null),
  /** The `version` the editor loaded (ignored on create). */
  version: z.number().int().nonnegative().default(0),
  cells: cellsInputSchema,
  sources: reportSourcesSchema.default({}),
  importMeta: reportImportMetaSchema.nullable().default(null),
  sectionOne: z.string().max(50_000).default(''),
  sectionFive: z.string().max(50_000).default(''),
  sectionSix: z.string().max(50_000).default(''),
  publishedAt: isoDate.nullable().default(null),
  explanations: explanationsSchema.default({}),
});
export type ReportSaveInput = z.input<typeof reportSaveInputSchema>;

export const reportSubmitInputSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int().nonnegative(),
  explanations: explanationsSchema.default({}),
});

export const reportReturnInputSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int().nonnegative(),
  reason: z.string().trim().min(2, '请写明退回原因').max(2000),
});

export const reportAcceptInputSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int().nonnegative(),
  note: z.string().trim().max(2000).default(''),
});

export const reportCorrectionInputSchema = z.object({
  unitId: z.number().int().positive(),
  year: reportYearSchema,
  reason: z.string().trim().min(2, '请写明更正原因').max(2000),
});

export const reportOpenInputSchema = z.object({
  unitId: z.number().int().positive(),
  year: reportYearSchema,
  /** A particular version; the latest when omitted. */
  versionNo: z.number().int().positive().nullable().default(null),
});

/** Text pasted from a web page, or a file (.txt/.html/.docx/.pdf) as base64. Nothing is saved. */
export const REPORT_PARSE_MAX_BYTES = 20 * 1024 * 1024;
export const reportParseInputSchema = z
  .object({
    unitId: z.number().int().positive(),
    year: reportYearSchema,
    fileName: z.string().max(255).nullable().default(null),
    text: z.string().max(5_000_000).nullable().default(null),
    contentBase64: z
      .string()
      .max(Math.ceil((REPORT_PARSE_MAX_BYTES * 4) / 3) + 4)
      .nullable()
      .default(null),
  })
  .refine((v) => (v.text !== null) !== (v.contentBase64 !== null), '请粘贴报告文字或上传一个文件');

export const reportParseOutputSchema = z.object({
  format: reportFormatSchema,
  cells: reportCellsSchema,
  sources: reportSourcesSchema,
  importMeta: reportImportMetaSchema,
  sectionOne: z.string(),
  sectionFive: z.string(),
  sectionSix: z.string(),
  /** Publication date found near the title (日期:2022-01-26), if any. */
  publishedAt: isoDate.nullable(),
  checks: z.array(reportCheckSchema),
  /** Notes for the person confirming (year or unit differs, 2019 layout mapped…). */
  notes: z.array(z.string()),
});
export type ReportParseOutput = z.infer<typeof reportParseOutputSchema>;

// ─── The office's view of a year ──────────────────────────────────────────────────────

export const timelinessStatuses = ['on_time', 'late', 'not_due', 'overdue'] as const;
export const reportOverviewRowSchema = z.object({
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  unitKind: reportUnitKindSchema,
  groupCode: z.string().nullable(),
  groupName: z.string().nullable(),
  deadline: isoDate,
  /** Latest version, or null when the unit has not started. */
  reportId: z.number().int().nullable(),
  versionNo: z.number().int().nullable(),
  status: reportStatusSchema.nullable(),
  /** Counted as reported (报送): submitted, returned for correction, or accepted. */
  isSubmitted: z.boolean(),
  /** The date timeliness is judged by: publication date, else the first submission's China date. */
  reportedOn: isoDate.nullable(),
  timeliness: z.enum(timelinessStatuses),
  daysLate: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
});
export type ReportOverviewRow = z.infer<typeof reportOverviewRowSchema>;

export const reportingRateSchema = z.object({
  key: z.string(),
  label: z.string(),
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  accepted: z.number().int(),
  /** Percent, one decimal (DHIS2 报送率 = submitted / expected); null when nothing is expected. */
  reportingRate: z.number().nullable(),
  /** Percent, one decimal (DHIS2 及时率 = submitted on time / expected). */
  onTimeRate: z.number().nullable(),
});
export type ReportingRate = z.infer<typeof reportingRateSchema>;

export const reportSummaryInputSchema = z.object({
  year: reportYearSchema,
  /** Units to add up; null = every unit with an accepted report for the year. */
  unitIds: z.array(z.number().int().positive()).max(5000).nullable().default(null),
});
export type ReportSummaryInput = z.input<typeof reportSummaryInputSchema>;

export const reportExportInputSchema = reportSummaryInputSchema.extend({
  format: z.enum(['docx', 'xlsx']),
  title: z.string().trim().max(100).default(''),
});
