import { z } from 'zod';
import { roleSchema } from '../auth/role';
import { unitKindSchema } from '../units/unit';
import type { importProblemSchema } from '../units/unit-import';

/** Shown instead of "active/disabled" flags: users are never deleted, only disabled. */
export const userStatuses = ['active', 'disabled'] as const;
export const userStatusSchema = z.enum(userStatuses);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const PASSWORD_MIN_LENGTH = 10;

export const usernameSchema = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(64, '用户名最多 64 个字符')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '用户名只能包含字母、数字、点、下划线和连字符,且以字母或数字开头');
const displayNameSchema = z.string().trim().min(1, '请输入姓名').max(64, '姓名最多 64 个字符');
const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^[0-9+\- ]*$/, '电话只能包含数字、+、- 和空格')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

/** One row of the 用户管理 list. */
export const userRowSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  unitCode: z.string().nullable(),
  phone: z.string().nullable(),
  status: userStatusSchema,
  mustChangePassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const userListInputSchema = z
  .object({
    role: roleSchema.optional(),
    unitId: z.number().int().optional(),
    status: userStatusSchema.optional(),
    search: z.string().trim().max(64).optional(),
  })
  .default({});

// A liaison belongs to exactly one unit; the office's own roles to none.
const unitForRole = <T extends { role: z.infer<typeof roleSchema>; unitId: number | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role === 'liaison' && v.unitId === null) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '单位联络员必须选择所属单位' });
  if (v.role !== 'liaison' && v.unitId !== null) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '只有单位联络员属于某个单位' });
};

export const userCreateInputSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    unitId: z.number().int().nullable().default(null),
    phone: phoneSchema,
  })
  .superRefine(unitForRole);
export type UserCreateInput = z.output<typeof userCreateInputSchema>;

export const userUpdateInputSchema = z
  .object({
    id: z.number().int(),
    displayName: displayNameSchema,
    role: roleSchema,
    unitId: z.number().int().nullable().default(null),
    phone: phoneSchema,
  })
  .superRefine(unitForRole);
export type UserUpdateInput = z.output<typeof userUpdateInputSchema>;

export const userIdInputSchema = z.object({ id: z.number().int() });

/** What an admin sees once after creating a user or resetting a password: never stored, never shown again. */
export const oneTimePasswordResultSchema = z.object({ userId: z.number().int(), username: z.string(), oneTimePassword: z.string() });
export type OneTimePasswordResult = z.infer<typeof oneTimePasswordResultSchema>;

export const changeOwnPasswordInputSchema = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256, '密码最多 256 个字符'),
});
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInputSchema>;

export const sessionRowSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  clientIp: z.string().nullable(),
  /** The session making this request. */
  current: z.boolean(),
});
export type SessionRow = z.infer<typeof sessionRowSchema>;

/** Which units get liaison accounts in one go. */
export const liaisonUnitSelectionSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('all') }),
  z.object({ scope: z.literal('group'), groupId: z.number().int() }),
  z.object({ scope: z.literal('kind'), kind: unitKindSchema }),
  z.object({ scope: z.literal('units'), unitIds: z.array(z.number().int()).min(1, '请至少选择一个单位').max(5000) }),
]);
export type LiaisonUnitSelection = z.infer<typeof liaisonUnitSelectionSchema>;

export const bulkCreateLiaisonsInputSchema = z.object({
  selection: liaisonUnitSelectionSchema,
  /** Skip units that already have an active liaison (the default), or add one more. */
  skipUnitsWithLiaison: z.boolean().default(true),
});
export type BulkCreateLiaisonsInput = z.output<typeof bulkCreateLiaisonsInputSchema>;

export const createdAccountSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type CreatedAccount = z.infer<typeof createdAccountSchema>;

/** Accounts created in bulk: the one-time passwords travel only inside the workbook. */
export const accountsWorkbookResultSchema = z.object({
  created: z.array(createdAccountSchema),
  skippedUnits: z.array(z.object({ unitCode: z.string(), unitName: z.string(), reason: z.string() })),
  fileName: z.string(),
  xlsxBase64: z.string().nullable(),
});
export type AccountsWorkbookResult = z.infer<typeof accountsWorkbookResultSchema>;

export const USERS_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const usersImportInputSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(Math.ceil((USERS_IMPORT_MAX_BYTES * 4) / 3) + 16, '文件超过 5 MB'),
});

export type UsersImportResult = ({ ok: true } & AccountsWorkbookResult) | { ok: false; problems: z.infer<typeof importProblemSchema>[] };

/** The columns of a users import file, as the office's template names them. */
export const usersImportColumns = { username: '用户名', displayName: '姓名', role: '角色', unitCode: '单位编码', phone: '手机' } as const;
