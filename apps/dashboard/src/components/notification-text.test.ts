import { describe, expect, it } from 'vitest';
import { englishNotification, notificationText, type NotificationWords } from './notification-text';

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

describe('notifications said from their kind and values', () => {
  const zhWords: NotificationWords = {
    issued: { title: '新的整改任务', body: '整改时限 {{date}},请及时签收并落实整改。' },
    submitted: { title: '已报送', body: '单位已报送整改情况,请复核。', bodyExplanation: '单位提交了情况说明,请审核。' },
    returned: { title: '整改被退回', body: '退回理由:' },
    closed: { title: '整改已销号', body: '销号日期 {{date}}' },
    escalated: { title: '整改督办升级', body: '督办措施:{{measure}}' },
    overdue: { title: '整改已逾期 {{days}} 个工作日', body: '已超过时限 {{date}},请尽快报送整改情况。' },
    before_due: { title: '整改将于 {{date}} 到期', body: '距整改时限还有 {{days}} 个工作日。' },
  };
  const levels = { byLevel: (l: string) => ({ interview: 'Interview' })[l] ?? null, byZhLabel: escalation };
  const zhLevels = { byLevel: (l: string) => ({ interview: '约谈' })[l] ?? null, byZhLabel: () => null };
  // A stored text that no longer matches its values: the values win.
  const overdue = {
    kind: 'overdue',
    title: '(旧文本)',
    body: '',
    values: { code: 'ZG-2', title: '链接失效', dueDate: '2026-11-02', workingDays: 12, unitName: '临江区' },
  };

  it('words a notice with values in either language, the item, unit and reason kept as data', () => {
    expect(notificationText(overdue, 'en', words, levels)).toEqual({
      title: 'Overdue by 12 working days',
      titleData: 'ZG-2 链接失效',
      body: 'Past the deadline 2026-11-02',
      bodyData: '临江区',
    });
    expect(notificationText(overdue, 'zh', zhWords, zhLevels)).toEqual({
      title: '整改已逾期 12 个工作日',
      titleData: 'ZG-2 链接失效',
      body: '已超过时限 2026-11-02,请尽快报送整改情况。',
      bodyData: '临江区',
    });
    const escalated = { kind: 'escalated', title: '', body: '', values: { code: 'ZG-4', title: 'y', level: 'interview' } };
    expect(notificationText(escalated, 'en', words, levels)?.body).toBe('Measure: Interview');
    expect(notificationText(escalated, 'zh', zhWords, zhLevels)?.body).toBe('督办措施:约谈');
    const submitted = {
      kind: 'submitted',
      title: '',
      body: '',
      values: { code: 'ZG-3', title: 'x', unitName: '临江区', explanation: true },
    };
    expect(notificationText(submitted, 'en', words, levels)).toMatchObject({
      titleData: '临江区 · ZG-3 x',
      body: 'Please review the explanation.',
    });
    const returned = { kind: 'returned', title: '', body: '', values: { code: 'ZG-5', title: 'z', reason: '材料不全' } };
    expect(notificationText(returned, 'zh', zhWords, zhLevels)).toMatchObject({
      title: '整改被退回',
      body: '退回理由:',
      bodyData: '材料不全',
    });
    const beforeDue = {
      kind: 'before_due',
      title: '',
      body: '',
      values: { code: 'ZG-6', title: 'w', dueDate: '2026-12-09', workingDays: 2 },
    };
    expect(notificationText(beforeDue, 'en', words, levels)).toMatchObject({ title: 'Due on 2026-12-09', body: '2 working days left' });
  });

  it('older notices without values: as stored in Chinese, read out of the text in English', () => {
    const old = { kind: 'issued', title: '新的整改任务:ZG-1 栏目未更新', body: '整改时限 2026-12-20,请及时签收并落实整改。', values: null };
    expect(notificationText(old, 'zh', zhWords, zhLevels)).toBeNull();
    expect(notificationText(old, 'en', words, levels)).toMatchObject({ title: 'New rectification order', titleData: 'ZG-1 栏目未更新' });
  });

  it('values that do not fit their kind fall back to the stored text', () => {
    const broken = {
      kind: 'overdue',
      title: '整改已逾期 3 个工作日:ZG-7 q',
      body: '临江区 的整改任务已超过时限 2026-11-02',
      values: { code: 'ZG-7' },
    };
    expect(notificationText(broken, 'zh', zhWords, zhLevels)).toBeNull();
    expect(notificationText(broken, 'en', words, levels)?.title).toBe('Overdue by 3 working days');
    expect(notificationText({ ...broken, kind: 'unknown', values: { code: 'x' } }, 'en', words, levels)).toBeNull();
  });
});
