import { describe, expect, it } from 'vitest';
import { rectificationActionInputSchema, rectificationIssueInputSchema, rectificationTransitionInputSchema } from './rectification-action';
import { chinaDateSchema, rectificationItemSchema } from './rectification-item';
import {
  isOpenRectificationStatus,
  isResolvedRectificationStatus,
  rectificationActions,
  rectificationActionLabelsZh,
  rectificationStatuses,
  rectificationStatusLabelsZh,
} from './rectification-status';

describe('rectification contracts', () => {
  it('labels every status and action in Chinese', () => {
    for (const s of rectificationStatuses) expect(rectificationStatusLabelsZh[s]).toMatch(/\p{Script=Han}/u);
    for (const a of rectificationActions) expect(rectificationActionLabelsZh[a]).toMatch(/\p{Script=Han}/u);
    expect(rectificationStatuses.filter(isOpenRectificationStatus)).toEqual([
      'issued',
      'acknowledged',
      'in_progress',
      'submitted',
      'explanation_submitted',
      'returned',
    ]);
    expect(rectificationStatuses.filter(isResolvedRectificationStatus)).toEqual(['closed', 'explained']);
  });

  it('validates action bodies: trims, requires reasons and evidence, defaults notes', () => {
    expect(rectificationActionInputSchema.parse({ type: 'acknowledge' })).toEqual({ type: 'acknowledge', note: null });
    expect(rectificationActionInputSchema.parse({ type: 'recheck_fail', reason: '  栏目仍空白 ' })).toEqual({
      type: 'recheck_fail',
      reason: '栏目仍空白',
    });
    expect(rectificationActionInputSchema.safeParse({ type: 'recheck_fail', reason: ' ' }).success).toBe(false);
    // Whether evidence is needed is the order's choice (evidenceRequired), checked by the domain.
    expect(rectificationActionInputSchema.parse({ type: 'submit', measures: '已整改', completionNote: '已完成' })).toMatchObject({
      evidence: [],
    });
    expect(rectificationActionInputSchema.parse({ type: 'explain', explanation: '本年度无此项工作' })).toMatchObject({ evidence: [] });
    expect(rectificationActionInputSchema.safeParse({ type: 'carry_over', into: '2025Q5' }).success).toBe(false);
    expect(rectificationActionInputSchema.safeParse({ type: 'escalate', level: 'dismissal' }).success).toBe(false);
    expect(rectificationActionInputSchema.safeParse({ type: 'close' }).success).toBe(false);
    expect(rectificationTransitionInputSchema.safeParse({ itemId: 1, version: 0, action: { type: 'start' } }).success).toBe(false);
  });

  it('validates issue input and China dates', () => {
    expect(chinaDateSchema.safeParse('2025-02-29').success).toBe(false);
    expect(chinaDateSchema.safeParse('2024-02-29').success).toBe(true);
    const ok = rectificationIssueInputSchema.parse({
      unitId: 3,
      period: '2025Q3',
      title: '首页未更新',
      due: { kind: 'working_days', days: 10 },
    });
    expect(ok).toMatchObject({ findingIds: [], requirement: '' });
    expect(rectificationIssueInputSchema.safeParse({ ...ok, due: { kind: 'working_days', days: 0 } }).success).toBe(false);
  });

  it('keeps carriedOver and carriedInto in agreement', () => {
    const item = {
      id: 1,
      code: 'ZG-001',
      unitId: 3,
      period: '2025Q3',
      findingIds: [],
      title: '首页未更新',
      requirement: '',
      status: 'in_progress',
      version: 3,
      issuedAt: '2025-09-01T01:00:00.000Z',
      issuedOn: '2025-09-01',
      dueDate: '2025-09-15',
      dueRule: { kind: 'date' },
      updatedAt: '2025-09-02T01:00:00.000Z',
      acknowledgedOn: '2025-09-02',
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
    expect(rectificationItemSchema.safeParse(item).success).toBe(true);
    expect(rectificationItemSchema.safeParse({ ...item, carriedOver: true }).success).toBe(false);
    expect(rectificationItemSchema.safeParse({ ...item, carriedOver: true, carriedInto: '2025Q4' }).success).toBe(true);
  });
});
