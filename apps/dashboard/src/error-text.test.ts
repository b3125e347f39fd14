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

  it("in English says the kind of a refusal instead of the server's Chinese, and keeps the detail of an input error", () => {
    const english = { FORBIDDEN: 'You may not do this', BAD_REQUEST: 'The input was refused', default: 'The request failed' };
    expect(readableMessage('无权查看其他单位的数据', { code: 'FORBIDDEN', zodIssues: null }, english)).toBe('You may not do this');
    expect(readableMessage('请从测评轮次进入自评', { code: 'BAD_REQUEST', zodIssues: null }, english)).toBe(
      'The input was refused: 请从测评轮次进入自评',
    );
    expect(readableMessage('boom', { code: 'INTERNAL_SERVER_ERROR' }, english)).toBe('boom');
    expect(readableMessage('出错了', { code: 'INTERNAL_SERVER_ERROR' }, english)).toBe('The request failed');
  });

  it('keeps a plain message', () => {
    expect(readableMessage('无权查看其他单位的数据', { code: 'FORBIDDEN', zodIssues: null })).toBe('无权查看其他单位的数据');
  });
});
