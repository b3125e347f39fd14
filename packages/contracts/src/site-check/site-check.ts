// 网站检查: the result of checking one unit's site, as printed by `kaoping site check URL --json`
// (shared spec site-check.md) and stored per unit by a check run.
import { z } from 'zod';

/** A China calendar date, YYYY-MM-DD. */
const chinaDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const columnStatusSchema = z.enum(['ok', 'stale', 'blank']);
export type ColumnStatus = z.infer<typeof columnStatusSchema>;

export const siteColumnResultSchema = z.object({
  name: z.string(),
  /** The column's listing page; null when no navigation link carries its name. */
  url: z.string().nullable(),
  newest: chinaDate.nullable(),
  intervalDays: z.number().int().positive(),
  status: columnStatusSchema,
});
export type SiteColumnResult = z.infer<typeof siteColumnResultSchema>;

export const deadLinkSchema = z.object({
  url: z.string(),
  /** HTTP status, or 0 when the request failed (see error). */
  status: z.number().int(),
  error: z.string().optional(),
  foundOn: z.string(),
});
export type DeadLink = z.infer<typeof deadLinkSchema>;

export const wordHitSchema = z.object({
  word: z.string(),
  /** The right wording; null for a forbidden word. */
  suggestion: z.string().nullable(),
  url: z.string(),
  /** The sentence around the hit. */
  context: z.string(),
});
export type WordHit = z.infer<typeof wordHitSchema>;

export const siteAnnualReportSchema = z.object({
  url: z.string(),
  year: z.number().int(),
  publishedAt: chinaDate.nullable(),
  deadline: chinaDate,
  onTime: z.boolean(),
  /** The annual-report rules' findings on the parsed page (rule id, severity, message). */
  checks: z.array(z.object({ rule: z.string(), severity: z.string(), message: z.string() })),
});
export type SiteAnnualReport = z.infer<typeof siteAnnualReportSchema>;

export const siteCheckResultSchema = z.object({
  site: z.string(),
  checkedAt: z.string(),
  pages: z.number().int().nonnegative(),
  reachable: z.boolean(),
  homepageUpdated: chinaDate.nullable(),
  columns: z.array(siteColumnResultSchema),
  deadLinks: z.array(deadLinkSchema),
  words: z.array(wordHitSchema),
  annualReport: siteAnnualReportSchema.nullable(),
});
export type SiteCheckResult = z.infer<typeof siteCheckResultSchema>;

/** One required column and how often it must be updated. */
export const requiredColumnSchema = z.object({
  name: z.string().trim().min(1).max(50),
  intervalDays: z.number().int().min(1).max(3650),
});
export type RequiredColumn = z.infer<typeof requiredColumnSchema>;

/** One 错敏词 entry: a wrong wording with its right form, or a forbidden word (suggestion null). */
export const wordEntrySchema = z.object({
  word: z.string().trim().min(1).max(100),
  suggestion: z.string().trim().min(1).max(100).nullable(),
});
export type WordEntry = z.infer<typeof wordEntrySchema>;

/** Kinds of problem a check finds; veto kinds are the 2019 indicators' 单项否决 items. */
export const siteProblemKinds = [
  'unreachable',
  'homepage_stale',
  'column_stale',
  'column_blank',
  'columns_veto',
  'dead_link',
  'wrong_word',
  'annual_report_missing',
  'annual_report_late',
] as const;
export const siteProblemKindSchema = z.enum(siteProblemKinds);
export type SiteProblemKind = z.infer<typeof siteProblemKindSchema>;

export const siteProblemKindLabelsZh: Record<SiteProblemKind, string> = {
  unreachable: '站点无法访问',
  homepage_stale: '首页不更新',
  column_stale: '栏目不更新',
  column_blank: '空白栏目',
  columns_veto: '栏目不更新(单项否决)',
  dead_link: '不可用链接',
  wrong_word: '错敏词',
  annual_report_missing: '年报未发布',
  annual_report_late: '年报逾期发布',
};

export const siteProblemSchema = z.object({
  kind: siteProblemKindSchema,
  /** A 单项否决 item: sent to a round as a veto rather than a deduction. */
  veto: z.boolean(),
  /** Stable within a unit across checks, so the next check can tell a problem is fixed. */
  key: z.string(),
  url: z.string().nullable(),
  detail: z.string(),
});
export type SiteProblem = z.infer<typeof siteProblemSchema>;
