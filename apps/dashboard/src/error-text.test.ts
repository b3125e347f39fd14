import { describe, expect, it } from 'vitest';
import { readableMessage } from './error-text';

describe('error text for people', () => {
  it('drops the field paths of input errors and repeats a message once', () => {
    const data = {
      zodIssues: [
        { path: 'content.title', message: '请填写标题' },
        { path: 'content.body', message: '请填写标题' },
        { path: 'due', message: '日期格式应为 YYYY-MM-DD' },
      ],
    };
    expect(readableMessage('content.title:请填写标题;content.body:请填写标题;due:日期格式应为 YYYY-MM-DD', data)).toBe(
      '请填写标题;日期格式应为 YYYY-MM-DD',
    );
  });

  it('keeps a plain message', () => {
    expect(readableMessage('无权查看其他单位的数据', { code: 'FORBIDDEN', zodIssues: null })).toBe('无权查看其他单位的数据');
  });
});
