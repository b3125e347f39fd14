import { z } from 'zod';
import { roleSchema } from './role';

export const loginInputSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  /** The office (tenant) the account belongs to: every query of its requests is limited to it. */
  officeId: z.number().int().positive(),
  /**
   * 'province': the account belongs to a province office, which holds no data of its own and reads the
   * published results of its cities (one at a time, chosen with the office picker), nothing else.
   */
  officeKind: z.enum(['city', 'province']).optional(),
  /** A one-time or reset password is in use: only auth.me, users.changeOwnPassword and auth.logout answer until it is changed. */
  mustChangePassword: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;
