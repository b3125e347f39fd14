import { z } from 'zod';
import { nameSchema } from '../text';
import { idSchema, yearSchema } from '../common';

export const groupCodeSchema = z
  .string()
  .trim()
  .min(1, '分组编码不能为空')
  .max(16)
  .regex(/^[A-Za-z0-9_-]+$/, '分组编码只能包含字母、数字、下划线和连字符');

export const groupSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  unitCount: z.number().int(),
});
export type Group = z.infer<typeof groupSchema>;

export const groupUpsertInputSchema = z.object({
  year: yearSchema,
  code: groupCodeSchema,
  name: nameSchema('分组名称', 1, 50),
  sortOrder: z.number().int().min(0).max(999).default(0),
});

export const assignGroupInputSchema = z.object({
  year: yearSchema,
  unitId: idSchema,
  groupId: idSchema.nullable(),
});
