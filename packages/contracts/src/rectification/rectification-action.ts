import { z } from 'zod';
import { periodCodeSchema } from '../org/period';
import { escalationLevelSchema, rectificationEventActionSchema, rectificationStatusSchema } from './rectification-status';
import { chinaDateSchema, dueRuleSchema, evidenceSchema, instantSchema, rectificationActorSchema } from './rectification-item';

const note = z.string().trim().max(1000).nullable().default(null);
const reason = z.string().trim().min(2, '请填写理由').max(1000);

/** The body of one action on an item; the same schema guards the procedure and the form. */
export const rectificationActionInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledge'), note }),
  z.object({ type: z.literal('start'), note }),
  z.object({
    type: z.literal('submit'),
    measures: z.string().trim().min(2, '请填写整改措施').max(4000),
    completionNote: z.string().trim().min(2, '请填写完成情况').max(4000),
    /** Required or not per order (evidenceRequired, set when issuing): domain rectification/evidence-rule.ts. */
    evidence: z.array(evidenceSchema).max(50).default([]),
  }),
  z.object({
    type: z.literal('explain'),
    explanation: z.string().trim().min(2, '请填写情况说明').max(4000),
    evidence: z.array(evidenceSchema).max(50).default([]),
  }),
  z.object({ type: z.literal('recheck_pass'), note }),
  z.object({ type: z.literal('recheck_fail'), reason }),
  z.object({ type: z.literal('accept_explanation'), note }),
  z.object({ type: z.literal('reject_explanation'), reason }),
  z.object({ type: z.literal('cancel'), reason }),
  z.object({ type: z.literal('carry_over'), into: periodCodeSchema }),
  z.object({
    type: z.literal('escalate'),
    level: escalationLevelSchema,
    /** Who decided it, when not the person recording it (e.g. 分管领导). */
    decidedBy: z.string().trim().max(100).nullable().default(null),
    /** Required by the domain when the step skips a level. */
    note,
  }),
]);
export type RectificationActionInput = z.input<typeof rectificationActionInputSchema>;
export type RectificationAction = z.infer<typeof rectificationActionInputSchema>;

/** The procedure input: which item, the version the user saw, what to do. */
export const rectificationTransitionInputSchema = z.object({
  itemId: z.number().int().positive(),
  version: z.number().int().min(1),
  action: rectificationActionInputSchema,
});
export type RectificationTransitionInput = z.input<typeof rectificationTransitionInputSchema>;

/** Creating an item (交办). The service assigns id and code. */
export const rectificationIssueInputSchema = z.object({
  unitId: z.number().int().positive(),
  period: periodCodeSchema,
  findingIds: z.array(z.number().int().positive()).max(200).default([]),
  title: z.string().trim().min(2, '请填写问题明细').max(2000),
  requirement: z.string().trim().max(4000).default(''),
  due: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('date'), date: chinaDateSchema }),
    z.object({ kind: z.literal('working_days'), days: z.number().int().min(1).max(250) }),
    z.object({ kind: z.literal('calendar_days'), days: z.number().int().min(1).max(366) }),
  ]),
});
export type RectificationIssueInput = z.input<typeof rectificationIssueInputSchema>;
export type RectificationIssue = z.infer<typeof rectificationIssueInputSchema>;

/** The detail recorded for `issue` events. */
export const rectificationIssueDetailSchema = z.object({
  type: z.literal('issue'),
  dueDate: chinaDateSchema,
  dueRule: dueRuleSchema,
});

/** One line of an item's history; the database appends it in the same transaction as the update. */
export const rectificationEventSchema = z.object({
  itemId: z.number().int(),
  /** The item's version after this event (1 for issue). */
  version: z.number().int().min(1),
  action: rectificationEventActionSchema,
  fromStatus: rectificationStatusSchema.nullable(),
  toStatus: rectificationStatusSchema,
  actor: rectificationActorSchema,
  at: instantSchema,
  /** China date of `at`. */
  on: chinaDateSchema,
  detail: z.union([rectificationIssueDetailSchema, rectificationActionInputSchema]),
});
export type RectificationEvent = z.infer<typeof rectificationEventSchema>;
