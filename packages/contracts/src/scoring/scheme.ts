// The shape of a scheme (考核方案 / 评分细则), spec `scoring.md` §1. This file checks the
// structure only (types, required fields, rule kinds); the rules that span nodes (sums,
// unique codes, band order…) are checked by `@kaoping/domain/scoring/compile-scheme`.
import { z } from 'zod';
import { yearSchema } from '../common';

/** A decimal with at most 3 places, written as a JSON number (points, weights, rates). */
export const MAX_DECIMAL_PLACES = 3;

function hasAtMostThreeDecimals(n: number): boolean {
  if (!Number.isFinite(n)) return false;
  const text = String(n);
  if (/e/i.test(text)) return Number.isInteger(n) && Math.abs(n) < 1e21;
  const dot = text.indexOf('.');
  return dot < 0 || text.length - dot - 1 <= MAX_DECIMAL_PLACES;
}

/** A non-negative decimal with at most 3 places, no larger than 1,000,000. */
export const schemeDecimalSchema = z
  .number({ error: '应为数字' })
  .min(0, '不能为负数')
  .max(1_000_000, '不能超过 1000000')
  .refine(hasAtMostThreeDecimals, '最多三位小数');

const codeSchema = z
  .string({ error: '编码应为字符串' })
  .trim()
  .min(1, '编码不能为空')
  .max(32, '编码不超过32个字符')
  .regex(/^[^\s;,]+$/, '编码不能包含空白、分号或逗号');
const nameSchema = z.string({ error: '名称应为字符串' }).trim().min(1, '名称不能为空').max(200, '名称不超过200个字符');

export const checklistItemSchema = z.object({ code: codeSchema, name: nameSchema, points: schemeDecimalSchema });
export const gradedLevelSchema = z.object({
  label: z.string({ error: '等级名称应为字符串' }).trim().min(1, '等级名称不能为空').max(32),
  points: schemeDecimalSchema,
});

export const leafRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('manual') }),
    z.object({ kind: z.literal('binary') }),
    z.object({ kind: z.literal('checklist'), items: z.array(checklistItemSchema).min(1, '检查项不能为空') }),
    z.object({ kind: z.literal('graded'), levels: z.array(gradedLevelSchema).min(1, '等级不能为空') }),
    z.object({
      kind: z.literal('rate'),
      target: schemeDecimalSchema.refine((n) => n <= 100, '目标值应在 0–100 之间'),
      perPointBelow: schemeDecimalSchema,
    }),
    z.object({ kind: z.literal('deduct'), perFinding: schemeDecimalSchema }),
    z.object({ kind: z.literal('rectification'), perLate: schemeDecimalSchema, perRejected: schemeDecimalSchema }),
  ],
  { error: '计分规则 kind 应为 manual、binary、checklist、graded、rate、deduct 或 rectification 之一' },
);
export type LeafRule = z.infer<typeof leafRuleSchema>;
export type LeafRuleKind = LeafRule['kind'];
export const leafRuleKinds = ['manual', 'binary', 'checklist', 'graded', 'rate', 'deduct', 'rectification'] as const;

export const appliesToSchema = z.object({
  groups: z.array(codeSchema).optional(),
  tags: z.array(z.string().trim().min(1).max(32)).optional(),
});
export type AppliesTo = z.infer<typeof appliesToSchema>;

export const naPolicySchema = z.union([
  z.literal('exclude'),
  z.object({ rate: schemeDecimalSchema.refine((n) => n <= 1, '不适用折算比例应在 0–1 之间') }),
]);
export type NaPolicy = z.infer<typeof naPolicySchema>;

/** A node of the indicator tree: a leaf has a `rule`, any other node has `children`. */
export interface IndicatorNode {
  code: string;
  name: string;
  points: number;
  children?: IndicatorNode[] | undefined;
  rule?: LeafRule | undefined;
  appliesTo?: AppliesTo | undefined;
  na?: NaPolicy | undefined;
  pooledDeductions?: boolean | undefined;
}

export const indicatorNodeSchema: z.ZodType<IndicatorNode> = z.lazy(() =>
  z.object({
    code: codeSchema,
    name: nameSchema,
    points: schemeDecimalSchema,
    children: z.array(indicatorNodeSchema).optional(),
    rule: leafRuleSchema.optional(),
    appliesTo: appliesToSchema.optional(),
    na: naPolicySchema.optional(),
    pooledDeductions: z.boolean().optional(),
  }),
);

export const vetoSchema = z.discriminatedUnion(
  'effect',
  [
    z.object({ code: codeSchema, name: nameSchema, effect: z.literal('fail') }),
    z.object({ code: codeSchema, name: nameSchema, effect: z.literal('cap'), capTo: schemeDecimalSchema }),
  ],
  { error: '否决项 effect 应为 fail 或 cap' },
);
export type Veto = z.infer<typeof vetoSchema>;

export const bonusSchema = z.object({
  gate: schemeDecimalSchema,
  cap: schemeDecimalSchema,
  items: z.array(z.object({ code: codeSchema, name: nameSchema, points: schemeDecimalSchema })),
});
export type Bonus = z.infer<typeof bonusSchema>;

export const majorDeductionSchema = z.object({ code: codeSchema, name: nameSchema, points: schemeDecimalSchema });
export type MajorDeduction = z.infer<typeof majorDeductionSchema>;

export const gradingSchema = z.object({
  bands: z
    .array(z.object({ grade: z.string().trim().min(1, '等次名称不能为空').max(16), min: schemeDecimalSchema }))
    .min(1, '至少需要一个等次'),
  quota: z
    .object({
      grade: z.string().trim().min(1),
      maxPct: schemeDecimalSchema.refine((n) => n <= 100, '比例应在 0–100 之间'),
    })
    .optional(),
});
export type Grading = z.infer<typeof gradingSchema>;

export const schemeSchema = z.object({
  code: codeSchema,
  title: z.string().trim().min(1, '标题不能为空').max(200),
  year: yearSchema,
  groups: z.array(z.object({ code: codeSchema, name: nameSchema })).min(1, '至少需要一个分组'),
  indicators: z.array(indicatorNodeSchema).min(1, '至少需要一个一级指标'),
  vetoes: z.array(vetoSchema).default([]),
  bonus: bonusSchema.optional(),
  majorDeductions: z.array(majorDeductionSchema).default([]),
  grading: gradingSchema,
  annual: z.object({ periods: z.record(z.string(), schemeDecimalSchema) }).optional(),
});
export type Scheme = z.infer<typeof schemeSchema>;
/** What a scheme.json may omit (defaults filled in by `schemeSchema`). */
export type SchemeInput = z.input<typeof schemeSchema>;

/**
 * Turns zod's issues into Chinese lines that name the node, e.g.
 * "指标 1.2 rule.perFinding:应为数字", by walking the raw JSON along each issue's path.
 */
export function formatSchemeIssues(error: z.ZodError, raw: unknown): string[] {
  return error.issues.map((issue) => {
    const where = describeSchemePath(issue.path, raw);
    return where ? `${where}:${issue.message}` : issue.message;
  });
}

function describeSchemePath(path: readonly PropertyKey[], raw: unknown): string {
  let node: unknown = raw;
  let label = '方案';
  const rest: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
    const prev = path[i - 1];
    const isNodeStep = typeof key === 'number' && (prev === 'indicators' || prev === 'children');
    if (isNodeStep) {
      const code = isRecord(next) && typeof next.code === 'string' ? next.code : `#${key + 1}`;
      label = `指标 ${code}`;
      rest.length = 0;
    } else if (typeof key === 'number') {
      const id = isRecord(next)
        ? typeof next.code === 'string'
          ? next.code
          : typeof next.label === 'string'
            ? next.label
            : undefined
        : undefined;
      rest.push(`[${id ?? key}]`);
    } else if (key !== 'indicators' && key !== 'children') {
      rest.push(String(key));
    }
    node = next;
  }
  const tail = rest.join('.').replace(/\.\[/g, '[');
  return tail ? `${label} ${tail}` : label;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
