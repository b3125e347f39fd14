// Inputs of the 网站检查 procedures.
import { z } from 'zod';
import { requiredColumnSchema, wordEntrySchema } from './site-check';

const id = z.number().int().positive();
export const channelKindSchema = z.enum(['website', 'column', 'new_media']);
export const channelKindLabelsZh: Record<z.infer<typeof channelKindSchema>, string> = {
  website: '门户网站',
  column: '政务公开栏目',
  new_media: '政务新媒体',
};

export const siteChannelsSetInputSchema = z.object({
  unitId: id,
  channels: z
    .array(
      z.object({ kind: channelKindSchema, name: z.string().trim().min(1, '请填写名称').max(100), url: z.string().trim().min(1).max(2000) }),
    )
    .max(50)
    .superRefine((list, ctx) => {
      list.forEach((c, i) => {
        if (c.kind !== 'new_media' && !/^https?:\/\/[^\s]+$/i.test(c.url))
          ctx.addIssue({ code: 'custom', path: [i, 'url'], message: '网址应以 http:// 或 https:// 开头' });
      });
      if (list.filter((c) => c.kind === 'website').length > 1)
        ctx.addIssue({ code: 'custom', path: [], message: '每个单位只能登记一个门户网站' });
    }),
});

export const siteCheckLimitsSchema = z.object({
  maxPages: z.number().int().min(1).max(5000),
  maxDepth: z.number().int().min(0).max(10),
  perHostConcurrency: z.number().int().min(1).max(8),
  minIntervalMs: z.number().int().min(0).max(60_000),
  pageTimeoutMs: z.number().int().min(1000).max(60_000),
});

export const siteSettingsSaveInputSchema = z.object({
  columns: z.array(requiredColumnSchema).max(100),
  limits: siteCheckLimitsSchema,
  /** Day of the month the scheduled check runs (1–28); null = no schedule. */
  scheduleDay: z.number().int().min(1).max(28).nullable(),
  version: z.number().int().nonnegative(),
});

export const siteWordsSetInputSchema = z.object({ words: z.array(wordEntrySchema).max(20_000) });
export const siteWordsImportInputSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(12_000_000),
});

export const siteRunStartInputSchema = z.object({
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('group'), groupId: id }),
    z.object({ kind: z.literal('units'), unitIds: z.array(id).min(1).max(5000) }),
  ]),
  /** The China date the check is judged on; default today. */
  judgedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .default(null),
});
export const siteRunInputSchema = z.object({ runId: id });
export const siteUnitResultInputSchema = z.object({ runId: id, unitId: id });
export const siteProblemsInputSchema = z.object({
  unitId: id.nullable().default(null),
  status: z.array(z.enum(['open', 'accepted', 'dismissed', 'sent', 'resolved'])).default([]),
});
export const siteProblemReviewInputSchema = z.object({
  problemId: id,
  version: z.number().int().positive(),
  decision: z.enum(['accept', 'dismiss', 'reopen']),
  reason: z.string().trim().max(500).default(''),
});
export const siteProblemSendInputSchema = z.object({
  problemIds: z.array(id).min(1).max(500),
  roundId: id,
  /** The `deduct` leaf deductions go to. */
  leaf: z.string().trim().min(1).max(32),
  /** The round scheme's veto code veto problems go to; required when a veto problem is sent. */
  vetoCode: z.string().trim().max(32).nullable().default(null),
  /** A published round takes new findings only as a correction, with its reason (更正理由). */
  reason: z.string().trim().max(500).default(''),
});
export const siteEvidenceInputSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const siteCityInputSchema = z.object({ runs: z.number().int().min(1).max(24).default(6) });
