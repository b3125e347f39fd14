// Test fixtures for the rectification tests (not used by production code).

import type { Role } from '@kaoping/contracts/auth/role';
import type { RectificationItem, RectificationActor } from '@kaoping/contracts/rectification/rectification-item';
import type { RectificationActionInput, RectificationEvent } from '@kaoping/contracts/rectification/rectification-action';
import type { RectificationActionType, RectificationStatus } from '@kaoping/contracts/rectification/rectification-status';
import { createWorkCalendar } from '../calendar/work-calendar';
import { applyTransition, issueRectificationItem, rectificationActionRoles } from './rectification-machine';

export const calendar = createWorkCalendar();
export const UNIT = 7;

export const actors = {
  admin: { userId: 1, role: 'admin', unitId: null },
  assessor: { userId: 2, role: 'assessor', unitId: null },
  liaison: { userId: 3, role: 'liaison', unitId: UNIT },
  otherLiaison: { userId: 4, role: 'liaison', unitId: UNIT + 1 },
  leader: { userId: 5, role: 'leader', unitId: null },
} satisfies Record<string, RectificationActor>;

export function actorFor(role: Role): RectificationActor {
  switch (role) {
    case 'admin':
      return actors.admin;
    case 'assessor':
      return actors.assessor;
    case 'liaison':
      return actors.liaison;
    case 'leader':
      return actors.leader;
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}

/** A permitted actor for an action. */
export function actorForAction(action: RectificationActionType): RectificationActor {
  const role = rectificationActionRoles[action][0];
  if (!role) throw new Error(`no role may ${action}`);
  return actorFor(role);
}

/** A valid input for every action (escalate: one step up from none; carry over from 2025Q3). */
export const sampleInputs: Record<RectificationActionType, RectificationActionInput> = {
  acknowledge: { type: 'acknowledge' },
  start: { type: 'start' },
  submit: {
    type: 'submit',
    measures: '已更新栏目内容并建立更新台账',
    completionNote: '已于9月20日完成整改',
    evidence: [{ label: '栏目截图', url: 'https://example.gov.cn/col/1.html' }],
  },
  explain: { type: 'explain', explanation: '该栏目本年度无应公开信息，已发布情况说明' },
  recheck_pass: { type: 'recheck_pass' },
  recheck_fail: { type: 'recheck_fail', reason: '栏目仍有空白页' },
  accept_explanation: { type: 'accept_explanation' },
  reject_explanation: { type: 'reject_explanation', reason: '说明理由不充分' },
  cancel: { type: 'cancel', reason: '原问题经申诉复核后撤销' },
  carry_over: { type: 'carry_over', into: '2025Q4' },
  escalate: { type: 'escalate', level: 'reminder' },
};

/** Issued 2025-09-01 09:00 China time, due 2025-09-15, period 2025Q3. */
export function issueSample(id = 1, unitId = UNIT): { item: RectificationItem; event: RectificationEvent } {
  const r = issueRectificationItem(
    {
      id,
      code: `ZG-${String(id).padStart(3, '0')}`,
      input: { unitId, period: '2025Q3', title: '“政策解读”栏目更新不及时', due: { kind: 'date', date: '2025-09-15' } },
    },
    actors.admin,
    '2025-09-01T01:00:00.000Z',
    calendar,
  );
  if (!r.ok) throw new Error(`issue failed: ${r.error.code}`);
  return { item: r.item, event: r.event };
}

/** Actions that bring a freshly issued item to each status. */
export const pathTo: Record<RectificationStatus, RectificationActionType[]> = {
  issued: [],
  acknowledged: ['acknowledge'],
  in_progress: ['acknowledge', 'start'],
  submitted: ['acknowledge', 'start', 'submit'],
  explanation_submitted: ['acknowledge', 'explain'],
  returned: ['acknowledge', 'start', 'submit', 'recheck_fail'],
  closed: ['acknowledge', 'start', 'submit', 'recheck_pass'],
  explained: ['acknowledge', 'explain', 'accept_explanation'],
  cancelled: ['cancel'],
};

/** Instants one hour apart from 2025-09-02 09:00 China time. */
export function instant(step: number): string {
  return new Date(Date.UTC(2025, 8, 2, 1 + step)).toISOString();
}

/** Applies actions in order with permitted actors; throws on the first refusal. */
export function drive(item: RectificationItem, actions: readonly RectificationActionType[], startStep = 0): RectificationItem {
  let current = item;
  actions.forEach((action, i) => {
    const r = applyTransition(current, sampleInputs[action], actorForAction(action), instant(startStep + i));
    if (!r.ok) throw new Error(`${action} from ${current.status} refused: ${r.error.code}`);
    current = r.item;
  });
  return current;
}

export function itemIn(status: RectificationStatus): RectificationItem {
  return drive(issueSample().item, pathTo[status]);
}
