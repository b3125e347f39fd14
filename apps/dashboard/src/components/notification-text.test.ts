import { describe, expect, it } from 'vitest';
import { englishNotification, type NotificationWords } from './notification-text';

const words: NotificationWords = {
  issued: { title: 'New rectification order', body: 'Due {{date}}: acknowledge it and rectify.' },
  submitted: { title: 'Submitted', body: 'Please re-check.', bodyExplanation: 'Please review the explanation.' },
  returned: { title: 'Returned', body: 'Reason:' },
  closed: { title: 'Closed', body: 'Closed on {{date}}' },
  escalated: { title: 'Escalated', body: 'Measure: {{measure}}' },
  overdue: { title: 'Overdue by {{days}} working days', body: 'Past the deadline {{date}}' },
  before_due: { title: 'Due on {{date}}', body: '{{days}} working days left' },
};
const escalation = (zh: string) => ({ 约谈: 'Interview' })[zh] ?? null;

describe('notifications said in English', () => {
  it('reads the figures out of the stored Chinese and keeps the item as data', () => {
    expect(
      englishNotification(
        { kind: 'issued', title: '新的整改任务:ZG-1 栏目未更新', body: '整改时限 2026-12-20,请及时签收并落实整改。' },
        words,
        escalation,
      ),
    ).toEqual({
      title: 'New rectification order',
      titleData: 'ZG-1 栏目未更新',
      body: 'Due 2026-12-20: acknowledge it and rectify.',
      bodyData: '',
    });
    expect(
      englishNotification(
        {
          kind: 'overdue',
          title: '整改已逾期 12 个工作日:ZG-2 链接失效',
          body: '临江区 的整改任务已超过时限 2026-11-02,请尽快报送整改情况。',
        },
        words,
        escalation,
      ),
    ).toEqual({
      title: 'Overdue by 12 working days',
      titleData: 'ZG-2 链接失效',
      body: 'Past the deadline 2026-11-02',
      bodyData: '临江区',
    });
    expect(
      englishNotification({ kind: 'submitted', title: '临江区 已报送:ZG-3 x', body: '单位提交了情况说明,请审核。' }, words, escalation)
        ?.body,
    ).toBe('Please review the explanation.');
    expect(englishNotification({ kind: 'escalated', title: '整改督办升级:ZG-4 y', body: '督办措施:约谈' }, words, escalation)?.body).toBe(
      'Measure: Interview',
    );
  });

  it('shows an unexpected text as stored', () => {
    expect(englishNotification({ kind: 'issued', title: '没有冒号', body: '' }, words, escalation)).toBeNull();
    expect(englishNotification({ kind: 'other', title: 'a:b', body: '' }, words, escalation)).toBeNull();
    expect(englishNotification({ kind: 'escalated', title: 'a:b', body: '督办措施:未知' }, words, escalation)).toBeNull();
  });
});
