import { z } from 'zod';

// The vocabulary of a rectification item (整改任务): its statuses, the actions that move it,
// the escalation ladder. Code names are English (see docs/glossary.md), screens show the
// Chinese labels. The state machine itself lives in @kaoping/domain/rectification/rectification-machine.

/**
 * issued 已交办 → acknowledged 已签收 → in_progress 整改中 → submitted 已报送 → closed 已销号.
 * A failed re-check (or a rejected explanation) gives returned 已退回, from which the unit submits again.
 * A unit may answer with an explanation instead of a fix (explanation_submitted 说明待审核);
 * the office accepts it (explained 已说明) or rejects it (returned).
 * cancelled 已撤销: the finding behind the item was withdrawn (e.g. after an objection).
 */
export const rectificationStatuses = [
  'issued',
  'acknowledged',
  'in_progress',
  'submitted',
  'explanation_submitted',
  'returned',
  'closed',
  'explained',
  'cancelled',
] as const;
export const rectificationStatusSchema = z.enum(rectificationStatuses);
export type RectificationStatus = z.infer<typeof rectificationStatusSchema>;

export const rectificationStatusLabelsZh: Record<RectificationStatus, string> = {
  issued: '已交办',
  acknowledged: '已签收',
  in_progress: '整改中',
  submitted: '已报送',
  explanation_submitted: '说明待审核',
  returned: '已退回',
  closed: '已销号',
  explained: '已说明',
  cancelled: '已撤销',
};

/** Final statuses: nothing more can happen to the item. closed and explained are "resolved". */
export const finalRectificationStatuses = ['closed', 'explained', 'cancelled'] as const satisfies readonly RectificationStatus[];
/** Resolved = the office verified the outcome (销号 after a fix, or an accepted 情况说明). */
export const resolvedRectificationStatuses = ['closed', 'explained'] as const satisfies readonly RectificationStatus[];

export function isOpenRectificationStatus(status: RectificationStatus): boolean {
  return !(finalRectificationStatuses as readonly RectificationStatus[]).includes(status);
}
export function isResolvedRectificationStatus(status: RectificationStatus): boolean {
  return (resolvedRectificationStatuses as readonly RectificationStatus[]).includes(status);
}

/** Actions on an existing item. Creating an item (交办) is `issue`, which only appears in events. */
export const rectificationActions = [
  'acknowledge',
  'start',
  'submit',
  'explain',
  'recheck_pass',
  'recheck_fail',
  'accept_explanation',
  'reject_explanation',
  'cancel',
  'carry_over',
  'escalate',
] as const;
export const rectificationActionSchema = z.enum(rectificationActions);
export type RectificationActionType = z.infer<typeof rectificationActionSchema>;

export const rectificationActionLabelsZh: Record<RectificationActionType, string> = {
  acknowledge: '签收',
  start: '开始整改',
  submit: '报送整改结果',
  explain: '提交情况说明',
  recheck_pass: '复查通过(销号)',
  recheck_fail: '复查不通过(退回)',
  accept_explanation: '认可情况说明',
  reject_explanation: '不认可情况说明(退回)',
  cancel: '撤销',
  carry_over: '结转下期',
  escalate: '督办升级',
};

export const rectificationEventActions = ['issue', ...rectificationActions] as const;
export const rectificationEventActionSchema = z.enum(rectificationEventActions);
export type RectificationEventAction = z.infer<typeof rectificationEventActionSchema>;

/**
 * The escalation ladder 提醒 → 通报 → 约谈 → 通报批评, lowest first
 * (条例 第47条: 督促整改, 通报批评; assessment-practice.md §3.3).
 */
export const escalationLevels = ['reminder', 'bulletin', 'interview', 'public_criticism'] as const;
export const escalationLevelSchema = z.enum(escalationLevels);
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

export const escalationLevelLabelsZh: Record<EscalationLevel, string> = {
  reminder: '提醒',
  bulletin: '通报',
  interview: '约谈',
  public_criticism: '通报批评',
};
