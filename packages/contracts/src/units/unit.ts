import { z } from 'zod';
import { nameSchema } from '../text';
import { chinaDateSchema, idSchema, versionSchema, yearSchema } from '../common';

export const unitKinds = ['county_gov', 'city_dept', 'township', 'street', 'other'] as const;
export const unitKindSchema = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const unitKindLabelsZh: Record<UnitKind, string> = {
  county_gov: '区县政府',
  city_dept: '市直部门',
  township: '乡镇',
  street: '街道',
  other: '其他',
};

export const unitCodeSchema = z
  .string()
  .trim()
  .min(1, '单位编码不能为空')
  .max(32, '单位编码不超过32个字符')
  .regex(/^[A-Za-z0-9_-]+$/, '单位编码只能包含字母、数字、下划线和连字符');
const tagSchema = z.string().trim().min(1).max(32);

export const unitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  parentId: z.number().int().nullable(),
  tags: z.array(z.string()),
  validFrom: chinaDateSchema,
  validTo: chinaDateSchema.nullable(),
  successorId: z.number().int().nullable(),
  note: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitCreateInputSchema = z.object({
  code: unitCodeSchema,
  name: nameSchema('单位名称', 2, 100),
  kind: unitKindSchema,
  parentId: idSchema.nullable().default(null),
  tags: z.array(tagSchema).max(20).default([]),
  validFrom: chinaDateSchema,
  note: z.string().max(500).default(''),
  /** Group membership for a year, optional at creation. */
  group: z.object({ year: yearSchema, groupId: idSchema }).nullable().default(null),
});
export type UnitCreateInput = z.input<typeof unitCreateInputSchema>;

export const unitUpdateInputSchema = z.object({
  id: idSchema,
  /** Optimistic concurrency: the version the editor loaded. */
  version: versionSchema,
  name: nameSchema('单位名称', 2, 100),
  kind: unitKindSchema,
  parentId: idSchema.nullable(),
  tags: z.array(tagSchema).max(20),
  validFrom: chinaDateSchema,
  note: z.string().max(500),
});
export type UnitUpdateInput = z.input<typeof unitUpdateInputSchema>;

export const unitDeactivateInputSchema = z.object({
  id: idSchema,
  version: versionSchema,
  /** Last day the unit exists (机构改革 date). */
  validTo: chinaDateSchema,
  successorId: idSchema.nullable().default(null),
  reason: z.string().trim().min(2, '请说明撤销原因').max(500),
});

export const unitListInputSchema = z.object({
  search: z.string().trim().max(100).default(''),
  kind: unitKindSchema.nullable().default(null),
  groupId: idSchema.nullable().default(null),
  parentId: idSchema.nullable().default(null),
  tag: z.string().trim().max(32).nullable().default(null),
  year: yearSchema,
  /** Include units whose validity ended (history). */
  includeInactive: z.boolean().default(false),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});
export type UnitListInput = z.input<typeof unitListInputSchema>;

export const unitListRowSchema = unitSchema.extend({
  parentName: z.string().nullable(),
  groupId: z.number().int().nullable(),
  groupCode: z.string().nullable(),
  groupName: z.string().nullable(),
  childCount: z.number().int(),
  isActive: z.boolean(),
});
export type UnitListRow = z.infer<typeof unitListRowSchema>;
