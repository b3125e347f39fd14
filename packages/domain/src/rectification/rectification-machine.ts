// The rectification item lifecycle (整改任务): a pure state machine.
//
//   issued 已交办 ──acknowledge──▶ acknowledged 已签收 ──start──▶ in_progress 整改中
//        acknowledged / in_progress / returned ──submit──▶ submitted 已报送
//        acknowledged / in_progress / returned ──explain──▶ explanation_submitted 说明待审核
//   submitted ──recheck_pass──▶ closed 已销号          submitted ──recheck_fail──▶ returned 已退回
//   explanation_submitted ──accept_explanation──▶ explained 已说明
//   explanation_submitted ──reject_explanation──▶ returned 已退回
//   any open status ──cancel──▶ cancelled 已撤销 (the finding was withdrawn)
//   any open status ──carry_over / escalate──▶ same status (flags and level change)
//
// Decisions where the docs are silent:
//   - 签收 is required: the office must know the unit received the task. `start` is optional;
//     a unit may submit a fix or an explanation straight after acknowledging.
//   - returned works like in_progress with the office's reason: the unit submits (or explains) again.
//     The reason is cleared when it does; the history keeps every reason.
//   - An explanation is a separate status (explanation_submitted), so which office action applies
//     depends only on the status and the transition table stays exhaustive.
//   - Roles: unit actions (acknowledge, start, submit, explain) are the liaison's of the item's own
//     unit only; re-checks may be done by the office's admin or an assessor (复查 is inspection work);
//     decisions (accept/reject an explanation, cancel, carry over, escalate) and issuing are the
//     admin's. Leaders read. Nobody enters a unit's report on its behalf.
//   - A rejected explanation returns the item but is NOT a failed re-check: the scoring spec's
//     `rejected` counts failed re-checks of fixes only (recheckFailCount).
//   - Every change increments `version` by 1; the database updates WHERE version = the old version
//     and appends the event in the same transaction.

import type { Role } from '@kaoping/contracts/auth/role';
import type { RectificationItem, RectificationActor } from '@kaoping/contracts/rectification/rectification-item';
import {
  rectificationActionInputSchema,
  rectificationIssueInputSchema,
  type RectificationAction,
  type RectificationActionInput,
  type RectificationEvent,
  type RectificationIssueInput,
} from '@kaoping/contracts/rectification/rectification-action';
import {
  escalationLevelLabelsZh,
  rectificationActionLabelsZh,
  rectificationStatusLabelsZh,
  rectificationStatuses,
  isOpenRectificationStatus,
  type EscalationLevel,
  type RectificationActionType,
  type RectificationStatus,
} from '@kaoping/contracts/rectification/rectification-status';
import type { WorkCalendar } from '../calendar/work-calendar';
import { chinaToday, comparePeriodCodes, parsePeriod } from '../period/period';
import { checkEscalation } from './rectification-escalation';
import { dueDateFor } from './rectification-deadline';

const OPEN_STATUSES: readonly RectificationStatus[] = rectificationStatuses.filter(isOpenRectificationStatus);

/** `unchanged`: the action records something (carry-over, escalation) without moving the status. */
export type TransitionTarget = RectificationStatus | 'unchanged';

export const rectificationTransitions: Record<RectificationActionType, { from: readonly RectificationStatus[]; to: TransitionTarget }> = {
  acknowledge: { from: ['issued'], to: 'acknowledged' },
  start: { from: ['acknowledged'], to: 'in_progress' },
  submit: { from: ['acknowledged', 'in_progress', 'returned'], to: 'submitted' },
  explain: { from: ['acknowledged', 'in_progress', 'returned'], to: 'explanation_submitted' },
  recheck_pass: { from: ['submitted'], to: 'closed' },
  recheck_fail: { from: ['submitted'], to: 'returned' },
  accept_explanation: { from: ['explanation_submitted'], to: 'explained' },
  reject_explanation: { from: ['explanation_submitted'], to: 'returned' },
  cancel: { from: OPEN_STATUSES, to: 'cancelled' },
  carry_over: { from: OPEN_STATUSES, to: 'unchanged' },
  escalate: { from: OPEN_STATUSES, to: 'unchanged' },
};

export const rectificationActionRoles: Record<RectificationActionType, readonly Role[]> = {
  acknowledge: ['liaison'],
  start: ['liaison'],
  submit: ['liaison'],
  explain: ['liaison'],
  recheck_pass: ['admin', 'assessor'],
  recheck_fail: ['admin', 'assessor'],
  accept_explanation: ['admin'],
  reject_explanation: ['admin'],
  cancel: ['admin'],
  carry_over: ['admin'],
  escalate: ['admin'],
};

/** Who may issue (交办) a new item. */
export const rectificationIssueRoles: readonly Role[] = ['admin'];

export type RectificationError =
  | { code: 'forbidden_role'; action: RectificationActionType | 'issue'; role: Role; allowedRoles: readonly Role[] }
  | { code: 'not_own_unit'; action: RectificationActionType }
  | { code: 'illegal_transition'; action: RectificationActionType; status: RectificationStatus }
  | { code: 'invalid_input'; message: string; path: string }
  | { code: 'invalid_time'; at: string }
  | { code: 'carry_over_not_later'; into: string; current: string }
  | { code: 'escalation_not_upward'; level: EscalationLevel; current: EscalationLevel | null }
  | { code: 'escalation_skip_needs_note'; level: EscalationLevel; current: EscalationLevel | null };

export type RectificationResult =
  { ok: true; item: RectificationItem; event: RectificationEvent } | { ok: false; error: RectificationError };

const fail = (error: RectificationError): RectificationResult => ({ ok: false, error });

/** The instant normalised to UTC ISO, with its China calendar date; null when unreadable. */
function readInstant(at: string): { at: string; on: string } | null {
  const d = new Date(at);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || Number.isNaN(d.getTime())) return null;
  return { at: d.toISOString(), on: chinaToday(d) };
}

function checkActor(action: RectificationActionType, actor: RectificationActor, item: RectificationItem): RectificationError | null {
  const allowedRoles = rectificationActionRoles[action];
  if (!allowedRoles.includes(actor.role)) return { code: 'forbidden_role', action, role: actor.role, allowedRoles };
  if (actor.role === 'liaison' && actor.unitId !== item.unitId) return { code: 'not_own_unit', action };
  return null;
}

/** Whether the item's status allows the action (ignoring who asks). */
export function isTransitionAllowed(status: RectificationStatus, action: RectificationActionType): boolean {
  return rectificationTransitions[action].from.includes(status);
}

/** The actions this actor may offer on this item now (for buttons); payload rules still apply. */
export function allowedActions(item: RectificationItem, actor: RectificationActor): RectificationActionType[] {
  return (Object.keys(rectificationTransitions) as RectificationActionType[]).filter(
    (action) => isTransitionAllowed(item.status, action) && checkActor(action, actor, item) === null,
  );
}

/**
 * Applies one action. Pure: returns the new item (version + 1) and the event to append, or a
 * typed error. Checks, in order: the time, the actor's role and unit, the status, the input.
 * `at` is the instant of the action (ISO 8601); its China date becomes closedOn etc.
 */
export function applyTransition(
  item: RectificationItem,
  actionInput: RectificationActionInput,
  actor: RectificationActor,
  at: string,
): RectificationResult {
  const time = readInstant(at);
  if (!time || time.at < new Date(item.issuedAt).toISOString()) return fail({ code: 'invalid_time', at });

  const actorError = checkActor(actionInput.type, actor, item);
  if (actorError) return fail(actorError);
  if (!isTransitionAllowed(item.status, actionInput.type)) {
    return fail({ code: 'illegal_transition', action: actionInput.type, status: item.status });
  }
  const parsed = rectificationActionInputSchema.safeParse(actionInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail({ code: 'invalid_input', message: issue?.message ?? 'invalid input', path: issue?.path.join('.') ?? '' });
  }
  const action = parsed.data;
  const changed = nextState(item, action, time.on);
  if (!changed.ok) return fail(changed.error);

  const target = rectificationTransitions[action.type].to;
  const next: RectificationItem = {
    ...item,
    ...changed.changes,
    status: target === 'unchanged' ? item.status : target,
    version: item.version + 1,
    updatedAt: time.at,
  };
  const event: RectificationEvent = {
    itemId: item.id,
    version: next.version,
    action: action.type,
    fromStatus: item.status,
    toStatus: next.status,
    actor,
    at: time.at,
    on: time.on,
    detail: action,
  };
  return { ok: true, item: next, event };
}

/** The fields an action changes besides status, version and updatedAt. */
function nextState(
  item: RectificationItem,
  action: RectificationAction,
  on: string,
): { ok: true; changes: Partial<RectificationItem> } | { ok: false; error: RectificationError } {
  const changes = (c: Partial<RectificationItem>) => ({ ok: true as const, changes: c });
  switch (action.type) {
    case 'acknowledge':
      return changes({ acknowledgedOn: on });
    case 'start':
      return changes({});
    case 'submit':
      return changes({
        submission: { kind: 'fix', measures: action.measures, completionNote: action.completionNote, evidence: action.evidence },
        firstSubmittedOn: item.firstSubmittedOn ?? on,
        lastSubmittedOn: on,
        returnReason: null,
      });
    case 'explain':
      return changes({
        submission: { kind: 'explanation', explanation: action.explanation, evidence: action.evidence },
        firstSubmittedOn: item.firstSubmittedOn ?? on,
        lastSubmittedOn: on,
        returnReason: null,
      });
    case 'recheck_pass':
    case 'accept_explanation':
      return changes({ closedOn: on });
    case 'recheck_fail':
      return changes({ recheckFailCount: item.recheckFailCount + 1, returnReason: action.reason });
    case 'reject_explanation':
      return changes({ explanationRejectCount: item.explanationRejectCount + 1, returnReason: action.reason });
    case 'cancel':
      return changes({ cancelledOn: on, cancelReason: action.reason });
    case 'carry_over': {
      const current = item.carriedInto ?? item.period;
      const into = parsePeriod(action.into);
      if (!into || comparePeriodCodes(into.code, current) <= 0) {
        return { ok: false, error: { code: 'carry_over_not_later', into: action.into, current } };
      }
      return changes({ carriedOver: true, carriedInto: into.code });
    }
    case 'escalate': {
      const check = checkEscalation(item.escalationLevel, action.level, action.note);
      if (!check.ok) return { ok: false, error: { code: check.code, level: action.level, current: item.escalationLevel } };
      return changes({ escalationLevel: action.level });
    }
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** What the service supplies besides the validated form: the new row's id and ledger number. */
export interface RectificationDraft {
  id: number;
  code: string;
  input: RectificationIssueInput;
}

/**
 * Issues (交办) a new item: version 1, status issued, and the `issue` event. The due date is
 * computed here when given as N working days or N calendar days (see rectification-deadline.ts);
 * a given date must not be before the issue date.
 */
export function issueRectificationItem(
  draft: RectificationDraft,
  actor: RectificationActor,
  at: string,
  cal: WorkCalendar,
): RectificationResult {
  const time = readInstant(at);
  if (!time) return fail({ code: 'invalid_time', at });
  if (!rectificationIssueRoles.includes(actor.role)) {
    return fail({ code: 'forbidden_role', action: 'issue', role: actor.role, allowedRoles: rectificationIssueRoles });
  }
  const parsed = rectificationIssueInputSchema.safeParse(draft.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail({ code: 'invalid_input', message: issue?.message ?? 'invalid input', path: issue?.path.join('.') ?? '' });
  }
  const input = parsed.data;
  const { dueDate, dueRule } = dueDateFor(cal, time.on, input.due);
  if (dueDate < time.on) return fail({ code: 'invalid_input', message: '整改时限不能早于交办日期', path: 'due.date' });

  const item: RectificationItem = {
    id: draft.id,
    code: draft.code,
    unitId: input.unitId,
    period: input.period,
    findingIds: input.findingIds,
    title: input.title,
    requirement: input.requirement,
    status: 'issued',
    version: 1,
    issuedAt: time.at,
    issuedOn: time.on,
    dueDate,
    dueRule,
    updatedAt: time.at,
    acknowledgedOn: null,
    firstSubmittedOn: null,
    lastSubmittedOn: null,
    submission: null,
    returnReason: null,
    recheckFailCount: 0,
    explanationRejectCount: 0,
    closedOn: null,
    cancelledOn: null,
    cancelReason: null,
    escalationLevel: null,
    carriedOver: false,
    carriedInto: null,
  };
  const event: RectificationEvent = {
    itemId: item.id,
    version: 1,
    action: 'issue',
    fromStatus: null,
    toStatus: 'issued',
    actor,
    at: time.at,
    on: time.on,
    detail: { type: 'issue', dueDate, dueRule },
  };
  return { ok: true, item, event };
}

/** A Chinese message for an error, for the UI and the API's error body. */
export function describeRectificationError(error: RectificationError): string {
  switch (error.code) {
    case 'forbidden_role':
      return error.action === 'issue' ? '当前角色无权交办整改任务' : `当前角色无权执行“${rectificationActionLabelsZh[error.action]}”`;
    case 'not_own_unit':
      return '只能办理本单位的整改任务';
    case 'illegal_transition':
      return `整改任务${rectificationStatusLabelsZh[error.status]}，不能执行“${rectificationActionLabelsZh[error.action]}”`;
    case 'invalid_input':
      return error.message;
    case 'invalid_time':
      return '操作时间无效';
    case 'carry_over_not_later':
      return `结转期次 ${error.into} 应晚于 ${error.current}`;
    case 'escalation_not_upward':
      return `督办级别只能提高（当前：${error.current ? escalationLevelLabelsZh[error.current] : '无'}）`;
    case 'escalation_skip_needs_note':
      return `越级升级为${escalationLevelLabelsZh[error.level]}须说明理由`;
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}
