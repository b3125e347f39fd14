import { describe, expect, it } from 'vitest';
import { roles, type Role } from '@kaoping/contracts/auth/role';
import { rectificationItemSchema } from '@kaoping/contracts/rectification/rectification-item';
import { rectificationEventSchema } from '@kaoping/contracts/rectification/rectification-action';
import {
  rectificationActions,
  rectificationStatuses,
  type RectificationActionType,
  type RectificationStatus,
} from '@kaoping/contracts/rectification/rectification-status';
import {
  allowedActions,
  applyTransition,
  describeRectificationError,
  issueRectificationItem,
  rectificationTransitions,
  type TransitionTarget,
} from './rectification-machine';
import {
  actorFor,
  actorForAction,
  actors,
  calendar,
  drive,
  instant,
  issueSample,
  itemIn,
  pathTo,
  sampleInputs,
  UNIT,
} from './rectification-test-fixtures';

// ── The exhaustive table ────────────────────────────────────────────────────────────────────────
// One cell per (status, action): the status it leads to, 'unchanged', or × (refused).
// Adding a status or an action without a row/column here fails both tsc and the test below.
const x = null;
const expectedTransitions: Record<RectificationStatus, Record<RectificationActionType, TransitionTarget | null>> = {
  issued: {
    acknowledge: 'acknowledged',
    start: x,
    submit: x,
    explain: x,
    recheck_pass: x,
    recheck_fail: x,
    accept_explanation: x,
    reject_explanation: x,
    cancel: 'cancelled',
    carry_over: 'unchanged',
    escalate: 'unchanged',
  },
  acknowledged: {
    acknowledge: x,
    start: 'in_progress',
    submit: 'submitted',
    explain: 'explanation_submitted',
    recheck_pass: x,
    recheck_fail: x,
    accept_explanation: x,
    reject_explanation: x,
    cancel: 'cancelled',
    carry_over: 'unchanged',
    escalate: 'unchanged',
  },
  in_progress: {
    acknowledge: x,
    start: x,
    submit: 'submitted',
    explain: 'explanation_submitted',
    recheck_pass: x,
    recheck_fail: x,
    accept_explanation: x,
    reject_explanation: x,
    cancel: 'cancelled',
    carry_over: 'unchanged',
    escalate: 'unchanged',
  },
  submitted: {
    acknowledge: x,
    start: x,
    submit: x,
    explain: x,
    recheck_pass: 'closed',
    recheck_fail: 'returned',
    accept_explanation: x,
    reject_explanation: x,
    cancel: 'cancelled',
    carry_over: 'unchanged',
    escalate: 'unchanged',
  },
  explanation_submitted: {
    acknowledge: x,
    start: x,
    submit: x,
    explain: x,
    recheck_pass: x,
    recheck_fail: x,
    accept_explanation: 'explained',
    reject_explanation: 'returned',
    cancel: 'cancelled',
    carry_over: 'unchanged',
    escalate: 'unchanged',
  },
  returned: {
    acknowledge: x,
    start: x,
    submit: 'submitted',
    explain: 'explanation_submitted',
    recheck_pass: x,
    recheck_fail: x,
    accept_explanation: x,
    reject_explanation: x,
    cancel: 'cancelled',
    carry_over: 'unchanged',
    escalate: 'unchanged',
  },
  closed: {
    acknowledge: x,
    start: x,
    submit: x,
    explain: x,
    recheck_pass: x,
    recheck_fail: x,
    accept_explanation: x,
    reject_explanation: x,
    cancel: x,
    carry_over: x,
    escalate: x,
  },
  explained: {
    acknowledge: x,
    start: x,
    submit: x,
    explain: x,
    recheck_pass: x,
    recheck_fail: x,
    accept_explanation: x,
    reject_explanation: x,
    cancel: x,
    carry_over: x,
    escalate: x,
  },
  cancelled: {
    acknowledge: x,
    start: x,
    submit: x,
    explain: x,
    recheck_pass: x,
    recheck_fail: x,
    accept_explanation: x,
    reject_explanation: x,
    cancel: x,
    carry_over: x,
    escalate: x,
  },
};

// Who may do what: the liaison (own unit only) does the unit's work; the admin decides;
// assessors may re-check; leaders read.
const L = 'liaison';
const A = 'admin';
const S = 'assessor';
const expectedRoles: Record<RectificationActionType, readonly Role[]> = {
  acknowledge: [L],
  start: [L],
  submit: [L],
  explain: [L],
  recheck_pass: [A, S],
  recheck_fail: [A, S],
  accept_explanation: [A],
  reject_explanation: [A],
  cancel: [A],
  carry_over: [A],
  escalate: [A],
};

describe('transition table (exhaustive)', () => {
  it('has a cell for every status × action, and no stray ones', () => {
    expect(Object.keys(expectedTransitions).sort()).toEqual([...rectificationStatuses].sort());
    for (const status of rectificationStatuses) {
      const row = expectedTransitions[status] as Partial<Record<string, unknown>> | undefined;
      expect(row, `no row for status ${status}`).toBeDefined();
      expect(Object.keys(row ?? {}).sort(), `row ${status}`).toEqual([...rectificationActions].sort());
    }
    expect(Object.keys(rectificationTransitions).sort()).toEqual([...rectificationActions].sort());
    expect(Object.keys(pathTo).sort()).toEqual([...rectificationStatuses].sort());
  });

  for (const status of rectificationStatuses) {
    for (const action of rectificationActions) {
      const expected = expectedTransitions[status][action];
      it(`${status} × ${action} → ${expected ?? 'refused'}`, () => {
        const item = itemIn(status);
        expect(item.status).toBe(status);
        const r = applyTransition(item, sampleInputs[action], actorForAction(action), instant(50));
        if (expected === null) {
          expect(r).toMatchObject({ ok: false, error: { code: 'illegal_transition', action, status } });
          return;
        }
        expect(r.ok, r.ok ? '' : describeRectificationError(r.error)).toBe(true);
        if (!r.ok) return;
        expect(r.item.status).toBe(expected === 'unchanged' ? status : expected);
        expect(r.item.version).toBe(item.version + 1);
        expect(r.event).toMatchObject({ itemId: item.id, version: r.item.version, action, fromStatus: status, toStatus: r.item.status });
        expect(rectificationItemSchema.safeParse(r.item).success).toBe(true);
        expect(rectificationEventSchema.safeParse(r.event).success).toBe(true);
      });
    }
  }
});

describe('roles', () => {
  it('the table has a row for every action and every role is considered', () => {
    expect(Object.keys(expectedRoles).sort()).toEqual([...rectificationActions].sort());
  });

  for (const action of rectificationActions) {
    for (const role of roles) {
      const allowed = expectedRoles[action].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        // an item in a status that allows the action
        const status = rectificationStatuses.find((s) => expectedTransitions[s][action] !== null);
        if (!status) throw new Error(`no status allows ${action}`);
        const r = applyTransition(itemIn(status), sampleInputs[action], actorFor(role), instant(50));
        if (allowed) expect(r.ok).toBe(true);
        else expect(r).toMatchObject({ ok: false, error: { code: 'forbidden_role', action, role } });
      });
    }
  }

  it("a liaison may only act on the own unit's items", () => {
    const r = applyTransition(itemIn('issued'), sampleInputs.acknowledge, actors.otherLiaison, instant(1));
    expect(r).toMatchObject({ ok: false, error: { code: 'not_own_unit' } });
    if (!r.ok) expect(describeRectificationError(r.error)).toBe('只能办理本单位的整改任务');
  });

  it('the role is checked before the status', () => {
    const r = applyTransition(itemIn('closed'), sampleInputs.acknowledge, actors.admin, instant(50));
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });
  });

  it('allowedActions lists the buttons for each actor', () => {
    expect(allowedActions(itemIn('issued'), actors.liaison)).toEqual(['acknowledge']);
    expect(allowedActions(itemIn('issued'), actors.otherLiaison)).toEqual([]);
    expect(allowedActions(itemIn('submitted'), actors.assessor)).toEqual(['recheck_pass', 'recheck_fail']);
    expect(allowedActions(itemIn('submitted'), actors.admin)).toEqual(['recheck_pass', 'recheck_fail', 'cancel', 'carry_over', 'escalate']);
    expect(allowedActions(itemIn('returned'), actors.liaison)).toEqual(['submit', 'explain']);
    expect(allowedActions(itemIn('closed'), actors.admin)).toEqual([]);
    expect(allowedActions(itemIn('in_progress'), actors.leader)).toEqual([]);
  });
});

describe('issuing', () => {
  it('creates version 1 in status issued with an issue event', () => {
    const { item, event } = issueSample();
    expect(item).toMatchObject({ status: 'issued', version: 1, issuedOn: '2025-09-01', dueDate: '2025-09-15', dueRule: { kind: 'date' } });
    expect(event).toMatchObject({ action: 'issue', fromStatus: null, toStatus: 'issued', version: 1, on: '2025-09-01' });
    expect(rectificationItemSchema.safeParse(item).success).toBe(true);
    expect(rectificationEventSchema.safeParse(event).success).toBe(true);
  });

  it('sets N working days from the China issue date (30 Sep 2025 + 1 → 9 Oct)', () => {
    const r = issueRectificationItem(
      {
        id: 9,
        code: 'ZG-009',
        input: { unitId: UNIT, period: '2025Q3', title: '网站首页更新不及时', due: { kind: 'working_days', days: 1 } },
      },
      actors.admin,
      '2025-09-30T02:00:00Z',
      calendar,
    );
    expect(r).toMatchObject({
      ok: true,
      item: { issuedOn: '2025-09-30', dueDate: '2025-10-09', dueRule: { kind: 'working_days', days: 1 } },
    });
  });

  it('uses the China date of the instant (16:30 UTC on 30 Sep is 1 Oct in China)', () => {
    const r = issueRectificationItem(
      {
        id: 9,
        code: 'ZG-009',
        input: { unitId: UNIT, period: '2025Q4', title: '网站首页更新不及时', due: { kind: 'calendar_days', days: 5 } },
      },
      actors.admin,
      '2025-09-30T16:30:00Z',
      calendar,
    );
    // 10-01 + 5 days = 10-06, a holiday → the next working day, 10-09
    expect(r).toMatchObject({ ok: true, item: { issuedOn: '2025-10-01', dueDate: '2025-10-09' } });
  });

  it('refuses non-admins, due dates before the issue date and bad input', () => {
    const input = { unitId: UNIT, period: '2025Q3', title: '网站首页更新不及时', due: { kind: 'date' as const, date: '2025-08-31' } };
    expect(issueRectificationItem({ id: 1, code: 'a', input }, actors.assessor, instant(0), calendar)).toMatchObject({
      ok: false,
      error: { code: 'forbidden_role', action: 'issue' },
    });
    expect(issueRectificationItem({ id: 1, code: 'a', input }, actors.admin, instant(0), calendar)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', path: 'due.date' },
    });
    expect(issueRectificationItem({ id: 1, code: 'a', input: { ...input, title: ' ' } }, actors.admin, instant(0), calendar)).toMatchObject(
      { ok: false, error: { code: 'invalid_input', path: 'title' } },
    );
    expect(issueRectificationItem({ id: 1, code: 'a', input }, actors.admin, 'yesterday', calendar)).toMatchObject({
      ok: false,
      error: { code: 'invalid_time' },
    });
  });
});

describe('what each action records', () => {
  it('a full round: submit, fail, resubmit, pass', () => {
    let item = drive(issueSample().item, ['acknowledge', 'start', 'submit']);
    expect(item).toMatchObject({ acknowledgedOn: '2025-09-02', firstSubmittedOn: '2025-09-02', submission: { kind: 'fix' } });
    const failed = applyTransition(item, { type: 'recheck_fail', reason: '  首页仍未更新  ' }, actors.assessor, '2025-09-10T02:00:00Z');
    expect(failed).toMatchObject({ ok: true, item: { status: 'returned', recheckFailCount: 1, returnReason: '首页仍未更新' } });
    if (!failed.ok) return;
    item = failed.item;
    const again = applyTransition(item, sampleInputs.submit, actors.liaison, '2025-09-12T02:00:00Z');
    expect(again).toMatchObject({
      ok: true,
      item: { status: 'submitted', returnReason: null, firstSubmittedOn: '2025-09-02', lastSubmittedOn: '2025-09-12' },
    });
    if (!again.ok) return;
    const passed = applyTransition(again.item, sampleInputs.recheck_pass, actors.admin, '2025-09-16T03:00:00Z');
    expect(passed).toMatchObject({ ok: true, item: { status: 'closed', closedOn: '2025-09-16', version: 7, recheckFailCount: 1 } });
  });

  it('an explanation: rejected (not a failed re-check), then accepted', () => {
    const item = drive(issueSample().item, ['acknowledge', 'explain', 'reject_explanation', 'explain', 'accept_explanation']);
    expect(item).toMatchObject({ status: 'explained', explanationRejectCount: 1, recheckFailCount: 0, closedOn: '2025-09-02' });
    expect(item.submission).toMatchObject({ kind: 'explanation' });
  });

  it('cancel keeps the reason and date', () => {
    const r = applyTransition(itemIn('in_progress'), sampleInputs.cancel, actors.admin, '2025-09-05T02:00:00Z');
    expect(r).toMatchObject({ ok: true, item: { status: 'cancelled', cancelledOn: '2025-09-05', cancelReason: '原问题经申诉复核后撤销' } });
  });

  it('refuses empty reasons; evidence is the order’s rule (evidence-rule.ts)', () => {
    expect(applyTransition(itemIn('submitted'), { type: 'recheck_fail', reason: '   ' }, actors.admin, instant(9))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', path: 'reason' },
    });
    expect(
      applyTransition(itemIn('in_progress'), { ...sampleInputs.submit, type: 'submit', evidence: [] } as never, actors.liaison, instant(9)),
    ).toMatchObject({ ok: true });
  });

  it('refuses times that are unreadable or before the item was issued', () => {
    expect(applyTransition(itemIn('issued'), sampleInputs.acknowledge, actors.liaison, '2025-08-31T00:00:00Z')).toMatchObject({
      ok: false,
      error: { code: 'invalid_time' },
    });
    expect(applyTransition(itemIn('issued'), sampleInputs.acknowledge, actors.liaison, 'not a time')).toMatchObject({
      ok: false,
      error: { code: 'invalid_time' },
    });
  });

  it('does not modify the item it is given', () => {
    const item = itemIn('submitted');
    const copy = structuredClone(item);
    applyTransition(item, sampleInputs.recheck_fail, actors.admin, instant(9));
    expect(item).toEqual(copy);
  });
});

describe('carry-over', () => {
  it('flags the item and records the period, status unchanged; only to later periods', () => {
    const item = itemIn('in_progress');
    const r = applyTransition(item, { type: 'carry_over', into: '2025Q4' }, actors.admin, instant(9));
    expect(r).toMatchObject({ ok: true, item: { status: 'in_progress', carriedOver: true, carriedInto: '2025Q4' } });
    if (!r.ok) return;
    expect(applyTransition(r.item, { type: 'carry_over', into: '2025Q4' }, actors.admin, instant(10))).toMatchObject({
      ok: false,
      error: { code: 'carry_over_not_later', current: '2025Q4' },
    });
    expect(applyTransition(r.item, { type: 'carry_over', into: '2026Q1' }, actors.admin, instant(10))).toMatchObject({
      ok: true,
      item: { carriedInto: '2026Q1', version: r.item.version + 1 },
    });
    expect(applyTransition(item, { type: 'carry_over', into: '2025Q3' }, actors.admin, instant(9))).toMatchObject({
      ok: false,
      error: { code: 'carry_over_not_later' },
    });
    expect(applyTransition(item, { type: 'carry_over', into: '2025' }, actors.admin, instant(9))).toMatchObject({ ok: true });
  });
});

describe('escalation ladder 提醒 → 通报 → 约谈 → 通报批评', () => {
  const up = (level: 'reminder' | 'bulletin' | 'interview' | 'public_criticism', note: string | null = null) =>
    ({ type: 'escalate', level, note, decidedBy: '分管副主任' }) as const;

  it('goes up one step at a time', () => {
    let item = itemIn('in_progress');
    for (const level of ['reminder', 'bulletin', 'interview', 'public_criticism'] as const) {
      const r = applyTransition(item, up(level), actors.admin, instant(20));
      expect(r).toMatchObject({
        ok: true,
        item: { escalationLevel: level, status: 'in_progress' },
        event: { detail: { decidedBy: '分管副主任' } },
      });
      if (!r.ok) return;
      item = r.item;
    }
    expect(applyTransition(item, up('public_criticism'), actors.admin, instant(21))).toMatchObject({
      ok: false,
      error: { code: 'escalation_not_upward' },
    });
  });

  it('never goes down or repeats a level', () => {
    const item = drive(itemIn('in_progress'), []);
    const r = applyTransition(item, up('reminder'), actors.admin, instant(20));
    if (!r.ok) throw new Error('expected ok');
    const bulletin = applyTransition(r.item, up('bulletin'), actors.admin, instant(21));
    if (!bulletin.ok) throw new Error('expected ok');
    expect(applyTransition(bulletin.item, up('reminder'), actors.admin, instant(22))).toMatchObject({
      ok: false,
      error: { code: 'escalation_not_upward', current: 'bulletin' },
    });
  });

  it('may skip levels only with a note saying why', () => {
    const item = itemIn('returned');
    const refused = applyTransition(item, up('interview'), actors.admin, instant(20));
    expect(refused).toMatchObject({ ok: false, error: { code: 'escalation_skip_needs_note', level: 'interview', current: null } });
    if (!refused.ok) expect(describeRectificationError(refused.error)).toBe('越级升级为约谈须说明理由');
    expect(applyTransition(item, up('interview', '连续两季度未整改'), actors.admin, instant(20))).toMatchObject({
      ok: true,
      item: { escalationLevel: 'interview' },
    });
  });

  it('only on open items', () => {
    expect(applyTransition(itemIn('closed'), up('reminder'), actors.admin, instant(20))).toMatchObject({
      ok: false,
      error: { code: 'illegal_transition' },
    });
  });
});

describe('error messages', () => {
  it('are Chinese and name the status and action', () => {
    const r = applyTransition(itemIn('closed'), sampleInputs.recheck_fail, actors.admin, instant(20));
    if (r.ok) throw new Error('expected refusal');
    expect(describeRectificationError(r.error)).toBe('整改任务已销号，不能执行“复查不通过(退回)”');
  });
});
