import { describe, expect, it } from 'vitest';
import { nameSchema } from './text';

const unitName = nameSchema('单位名称', 2, 100);
const messageOf = (v: unknown) => {
  const r = unitName.safeParse(v);
  return r.success ? null : r.error.issues[0]?.message;
};

describe('names people type', () => {
  it('accepts ordinary names, trimmed', () => {
    expect(unitName.parse('  江临市临江区人民政府 ')).toBe('江临市临江区人民政府');
    expect(unitName.parse('Jiangling Bureau (Foreign Affairs)')).toBe('Jiangling Bureau (Foreign Affairs)');
  });
  it.each([
    ['\u200b\u200b\u200b', '单位名称至少2个字'],
    ['\ufeff\u200d', '单位名称至少2个字'],
    ['临江\u202e区政府', '单位名称含有改变文字方向的隐藏字符,请重新输入'],
    ['临江\u0000区', '单位名称含有不允许的控制字符(如换行、NUL)'],
    ['临江\n区', '单位名称含有不允许的控制字符(如换行、NUL)'],
    ['临'.repeat(101), '单位名称不超过100个字'],
  ])('refuses %j: %s', (value, message) => {
    expect(messageOf(value)).toBe(message);
  });
});
