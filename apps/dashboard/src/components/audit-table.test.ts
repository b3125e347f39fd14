import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { zh } from '../i18n/zh';
import { actionLabel, describeChange, fieldLabel, formatChinaTime, showValue } from './audit-table';

// Every action the server writes (grep `action:` in packages/api/src; the one template expanded).
const ACTIONS = [
  'analysis.scenario.create',
  'analysis.scenario.delete',
  'annual_report.accept',
  'annual_report.city_review',
  'annual_report.city_review_export',
  'annual_report.correction',
  'annual_report.create',
  'annual_report.export',
  'annual_report.import',
  'annual_report.return',
  'annual_report.save',
  'annual_report.submit',
  'assessment.event.add',
  'assessment.event.remove',
  'assessment.finding.add',
  'assessment.finding.withdraw',
  'assessment.objection.decide',
  'assessment.objection.file',
  'assessment.publish',
  'assessment.restate',
  'assessment.round.lock',
  'assessment.round.open',
  'assessment.scheme.copy',
  'assessment.scheme.import',
  'assessment.scheme.importDocument',
  'assessment.score.set',
  'assessment.self.set',
  'auth.login',
  'bulletin.save',
  'calendar.remove',
  'calendar.upsert',
  'group.create',
  'group.update',
  'period.create',
  'period.status',
  'rectification.evidence',
  'rectification.issue',
  'rectification.issue_bulk',
  'session.end',
  'site.channels.set',
  'site.problem.review',
  'site.problem.send',
  'site.run.cancel',
  'site.run.start',
  'site.settings.save',
  'unit.create',
  'unit.deactivate',
  'unit.group',
  'unit.import',
  'unit.import.create',
  'unit.import.update',
  'unit.update',
  'user.create',
  'user.disable',
  'user.import',
  'user.password.change',
  'user.password.reset',
  'user.sessions.end',
  'user.update',
  ...[
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
  ].map((a) => `rectification.${a}`),
];

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'zh', resources: { zh: { translation: zh } }, interpolation: { escapeValue: false } });
});

describe('变更记录 in words', () => {
  it('every action the server writes has a Chinese label, and no raw identifier shows', () => {
    for (const a of ACTIONS) {
      const label = actionLabel(i18n.t, a);
      expect(label, a).toMatch(/[\u4e00-\u9fff]/);
      expect(label, a).not.toContain(a);
    }
  });

  it('fields are labelled; instants are China time; objects read as label value pairs', () => {
    expect(fieldLabel(i18n.t, 'validTo')).toBe('撤销日期');
    expect(formatChinaTime('2026-12-06T16:30:00.000Z')).toBe('2026-12-07 00:30:00');
    expect(showValue(i18n.t, '2026-12-06T16:30:00.000Z')).toBe('2026-12-07 00:30:00');
    expect(showValue(i18n.t, { year: 2026, groupId: 7 })).toBe('年度 2026,分组 7');
    expect(showValue(i18n.t, null)).toBe('—');
    expect(showValue(i18n.t, ['x', 'y'])).toBe('x、y');
  });

  it('lists only changed fields, ignoring bookkeeping', () => {
    expect(describeChange({ name: '甲', kind: 'city_dept', version: 1 }, { name: '乙', kind: 'city_dept', version: 2 })).toEqual([
      { field: 'name', from: '甲', to: '乙' },
    ]);
    expect(describeChange(null, { code: 'A01', tags: ['x'] })).toEqual([
      { field: 'code', from: null, to: 'A01' },
      { field: 'tags', from: null, to: ['x'] },
    ]);
  });
});
