// antd forms validate with the procedure's own zod schema: the form refuses exactly what the
// server would, with the same message. Schemas carry Chinese messages where they matter; zod's
// zh-CN locale words the rest (types, lengths), so a form never shows an English message.
import type { FormRule } from 'antd';
import type { z } from 'zod';
import { zhCN } from 'zod/locales';

const zhLocale = zhCN().localeError;

/** The first problem `schema` finds with `value`, in Chinese; null when the value is valid. */
export function zodProblem(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value, { error: zhLocale });
  return result.success ? null : (result.error.issues[0]?.message ?? '输入不正确');
}

export interface ZodRuleOptions<V> {
  /** What the procedure takes from the control's value, e.g. a DatePicker's Dayjs → 'YYYY-MM-DD'. */
  toInput?: (value: V) => unknown;
}

/**
 * Form.Item rules checking one field with one field's schema (e.g. `unitCreateInputSchema.shape.code`).
 * A field is marked required when its schema refuses `undefined`; an empty control is checked as ''
 * so the schema's own "不能为空" message shows.
 */
export function zodRules<V = unknown>(schema: z.ZodType, options: ZodRuleOptions<V> = {}): FormRule[] {
  const required = !schema.safeParse(undefined).success;
  return [
    {
      required,
      validator: async (_rule, value: V | null | undefined) => {
        const empty = value === undefined || value === null;
        const input = empty ? (required ? '' : undefined) : options.toInput ? options.toInput(value) : value;
        const problem = zodProblem(schema, input);
        if (problem !== null) throw new Error(problem);
      },
    },
  ];
}
