import type { RuleObject } from 'antd/es/form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chinaDateSchema } from '@kaoping/contracts/common';
import { unitCreateInputSchema } from '@kaoping/contracts/units/unit';
import { zodProblem, zodRules } from './zod-form-rules';

/** Runs the rule as antd would: resolves when valid, rejects with the message shown under the field. */
async function check(rules: ReturnType<typeof zodRules>, value: unknown): Promise<string | null> {
  const rule = rules[0] as RuleObject;
  try {
    await rule.validator?.(rule, value, () => undefined);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('zodRules', () => {
  const code = zodRules(unitCreateInputSchema.shape.code);

  it('refuses what the procedure refuses, with the schema’s Chinese message', async () => {
    await expect(check(code, 'A-01')).resolves.toBeNull();
    await expect(check(code, 'A 01')).resolves.toBe('单位编码只能包含字母、数字、下划线和连字符');
    await expect(check(code, 'x'.repeat(33))).resolves.toBe('单位编码不超过32个字符');
  });

  it('marks a field required when its schema refuses an absent value, and says why when left empty', async () => {
    expect((code[0] as RuleObject).required).toBe(true);
    await expect(check(code, undefined)).resolves.toBe('单位编码不能为空');
    const note = zodRules(unitCreateInputSchema.shape.note);
    expect((note[0] as RuleObject).required).toBe(false);
    await expect(check(note, undefined)).resolves.toBeNull();
  });

  it('checks what the procedure receives, not the control’s own value', async () => {
    const date = zodRules<{ text: string }>(chinaDateSchema, { toInput: (v) => v.text });
    await expect(check(date, { text: '2026-02-28' })).resolves.toBeNull();
    await expect(check(date, { text: '2026-02-30' })).resolves.toBe('日期应为有效的 YYYY-MM-DD');
  });

  it('words the checks a schema leaves unworded in Chinese, never English', () => {
    const message = zodProblem(z.string().max(3), 'abcd');
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(/too big|expected/i);
    expect(zodProblem(unitCreateInputSchema.shape.note, 'x'.repeat(501))).toMatch(/[\u4e00-\u9fff]/);
  });
});
