import { z } from 'zod';
import { roleSchema } from '../auth/role';
import { chinaDateSchema, instantSchema } from '../common';
import { periodCodeSchema } from '../org/period';
import { escalationLevelSchema, rectificationStatusSchema } from './rectification-status';

// The shared date schemas, re-exported for the rectification modules that import them from here.
export { chinaDateSchema, instantSchema };

/** Who performs an action: the session user (see auth/session.ts). A liaison is bound to one unit. */
export const rectificationActorSchema = z.object({
  userId: z.number().int(),
  role: roleSchema,
  unitId: z.number().int().nullable(),
});
export type RectificationActor = z.infer<typeof rectificationActorSchema>;

/** How the due date (整改时限) was set; kept so the ledger can show "10个工作日". */
export const dueRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date') }),
  /** N个工作日: N working days after the issue date (see domain calendar/work-calendar.ts). */
  z.object({ kind: z.literal('working_days'), days: z.number().int().min(1).max(250) }),
  /** N日 (calendar days); a last day on a rest day moves to the next working day (民法典 第203条). */
  z.object({ kind: z.literal('calendar_days'), days: z.number().int().min(1).max(366) }),
]);
export type DueRule = z.infer<typeof dueRuleSchema>;

export const evidenceSchema = z.object({
  label: z.string().trim().min(1, '请填写佐证材料名称').max(200),
  /** A public page address or an internal attachment reference. */
  url: z.string().trim().min(1, '请填写佐证材料地址').max(2000),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** What the unit last reported back: a fix (整改结果) or an explanation (情况说明). */
export const rectificationSubmissionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fix'),
    measures: z.string(),
    completionNote: z.string(),
    evidence: z.array(evidenceSchema),
  }),
  z.object({ kind: z.literal('explanation'), explanation: z.string(), evidence: z.array(evidenceSchema) }),
]);
export type RectificationSubmission = z.infer<typeof rectificationSubmissionSchema>;

/**
 * One row of the rectification ledger (整改台账). Overdue is never stored: it is derived from
 * dueDate, status and today (domain rectification/rectification-deadline.ts).
 */
export const rectificationItemSchema = z
  .object({
    id: z.number().int(),
    /** Ledger number shown to people, e.g. ZG-2025-017. */
    code: z.string(),
    unitId: z.number().int(),
    /** The period whose findings the item came from. */
    period: periodCodeSchema,
    findingIds: z.array(z.number().int()),
    /** 问题明细 */
    title: z.string(),
    /** 整改要求 */
    requirement: z.string(),
    status: rectificationStatusSchema,
    /** Optimistic concurrency: +1 on every change; the database compares it on update. */
    version: z.number().int().min(1),
    issuedAt: instantSchema,
    /** China date of issuedAt. */
    issuedOn: chinaDateSchema,
    dueDate: chinaDateSchema,
    dueRule: dueRuleSchema,
    updatedAt: instantSchema,
    acknowledgedOn: chinaDateSchema.nullable(),
    /** First and latest time the unit reported back (fix or explanation). */
    firstSubmittedOn: chinaDateSchema.nullable(),
    lastSubmittedOn: chinaDateSchema.nullable(),
    submission: rectificationSubmissionSchema.nullable(),
    /** Why the office last returned the item; cleared when the unit submits again. */
    returnReason: z.string().nullable(),
    /** Failed re-checks of a fix (the scoring spec's `rejected`). */
    recheckFailCount: z.number().int().min(0),
    /** Explanations the office did not accept (not counted as `rejected`). */
    explanationRejectCount: z.number().int().min(0),
    /** 销号 date: when the office closed the item after a fix, or accepted the explanation. */
    closedOn: chinaDateSchema.nullable(),
    cancelledOn: chinaDateSchema.nullable(),
    cancelReason: z.string().nullable(),
    escalationLevel: escalationLevelSchema.nullable(),
    /** Still open when a period was locked: carried into a later period (结转). */
    carriedOver: z.boolean(),
    carriedInto: periodCodeSchema.nullable(),
  })
  .refine((item) => item.carriedOver === (item.carriedInto !== null), {
    message: 'carriedOver and carriedInto must agree',
    path: ['carriedInto'],
  });
export type RectificationItem = z.infer<typeof rectificationItemSchema>;
