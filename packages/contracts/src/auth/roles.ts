// The role list without zod: the dashboard's menu (navigation.ts, via access.ts) reads it in the
// initial JavaScript, where zod (role.ts's schema) would add 27 KB gzipped (issue #14).

/** The four kinds of user. admin = 政务公开办 staff; liaison = 单位联络员, bound to one unit. */
export const roles = ['admin', 'assessor', 'liaison', 'leader'] as const;
export type Role = (typeof roles)[number];

export const roleLabelsZh: Record<Role, string> = {
  admin: '管理员',
  assessor: '考评员',
  liaison: '单位联络员',
  leader: '领导',
};
