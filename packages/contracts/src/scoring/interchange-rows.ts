// Rows of the interchange files, spec `scoring.md` §4. Each schema takes one row as read
// from CSV or the first sheet of an .xlsx (column → trimmed text; an absent optional
// column reads as '') and gives the typed row. Messages are Chinese and name no file or
// row: the importer adds "scores.csv 第5行 value 列:" in front.
import { z } from 'zod';
import { chinaDateSchema, isChinaDate, quarterCodeSchema } from '../common';

export const unitKindCodes = ['county_gov', 'city_dept', 'township', 'street', 'other'] as const;

/** The columns of each file: `required` must be in the header, `optional` may be. */
export const interchangeColumns = {
  units: { required: ['code', 'name', 'group', 'kind'], optional: ['parent', 'tags'] },
  scores: { required: ['unit', 'period', 'indicator', 'value'], optional: [] },
  findings: { required: ['unit', 'period', 'indicator'], optional: ['count', 'deduction', 'description', 'url'] },
  events: { required: ['unit', 'period', 'code'], optional: ['note'] },
  rectifications: { required: ['unit', 'period', 'item', 'due'], optional: ['closed', 'rejected'] },
} as const;
export type InterchangeFileKind = keyof typeof interchangeColumns;

const text = (max: number, label: string) => z.string().max(max, `${label}不超过${max}个字符`);
const code = (label: string) =>
  z
    .string()
    .min(1, `${label}不能为空`)
    .max(32, `${label}不超过32个字符`)
    .regex(/^[^\s;,]+$/, `${label}不能包含空白、分号或逗号`);

const nonNegativeInteger = (label: string, fallback: number) =>
  z
    .string()
    .regex(/^(\d{1,7})?$/, `${label}应为不超过 9999999 的非负整数`)
    .transform((s) => (s === '' ? fallback : Number(s)));

/** A non-negative decimal with at most 3 places, or empty (→ null). */
const optionalDecimal = (label: string) =>
  z
    .string()
    .regex(/^(\d{1,7}(\.\d{1,3})?)?$/, `${label}应为不超过三位小数的非负数`)
    .transform((s) => (s === '' ? null : Number(s)));

export const unitRowSchema = z.object({
  code: code('单位编码'),
  name: z.string().min(1, '单位名称不能为空').max(100, '单位名称不超过100个字符'),
  group: code('分组编码'),
  kind: z.enum(unitKindCodes, { error: `单位类型应为 ${unitKindCodes.join('、')} 之一` }),
  parent: z
    .string()
    .max(32, '上级单位编码不超过32个字符')
    .transform((s) => (s === '' ? null : s)),
  tags: z
    .string()
    .max(1000)
    .transform((s) =>
      s
        .split(';')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
});
export type UnitRow = z.infer<typeof unitRowSchema>;

export const scoreRowSchema = z.object({
  unit: code('单位编码'),
  period: quarterCodeSchema,
  indicator: code('指标编码'),
  value: text(1000, '得分'),
});
export type ScoreRow = z.infer<typeof scoreRowSchema>;

export const findingRowSchema = z.object({
  unit: code('单位编码'),
  period: quarterCodeSchema,
  indicator: code('指标编码'),
  count: nonNegativeInteger('问题数量', 1),
  deduction: optionalDecimal('扣分'),
  description: text(2000, '问题描述'),
  url: text(2000, '网址'),
});
export type FindingRow = z.infer<typeof findingRowSchema>;

export const eventRowSchema = z.object({
  unit: code('单位编码'),
  period: quarterCodeSchema,
  code: code('事项编码'),
  note: text(2000, '说明'),
});
export type EventRow = z.infer<typeof eventRowSchema>;

export const rectificationRowSchema = z.object({
  unit: code('单位编码'),
  period: quarterCodeSchema,
  item: code('整改事项编号'),
  due: chinaDateSchema,
  closed: z
    .string()
    .refine((s) => s === '' || isChinaDate(s), '销号日期应为有效的 YYYY-MM-DD,未销号留空')
    .transform((s) => (s === '' ? null : s)),
  rejected: nonNegativeInteger('复查未通过次数', 0),
});
export type RectificationRow = z.infer<typeof rectificationRowSchema>;

export const interchangeRowSchemas = {
  units: unitRowSchema,
  scores: scoreRowSchema,
  findings: findingRowSchema,
  events: eventRowSchema,
  rectifications: rectificationRowSchema,
} as const;

export type InterchangeRow = {
  units: UnitRow;
  scores: ScoreRow;
  findings: FindingRow;
  events: EventRow;
  rectifications: RectificationRow;
};
