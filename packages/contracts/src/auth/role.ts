import { z } from 'zod';

/** The four kinds of user. admin = 政务公开办 staff; liaison = 单位联络员, bound to one unit. */
export const roles = ['admin', 'assessor', 'liaison', 'leader'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabelsZh: Record<Role, string> = {
  admin: '管理员',
  assessor: '考评员',
  liaison: '单位联络员',
  leader: '领导',
};
