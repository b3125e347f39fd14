import { roles, type Role } from '@kaoping/contracts/auth/role';

/** Who may call a procedure: a list of roles, anyone signed in, or the public. */
export type Expect = Role[] | 'public' | 'signed-in';
export const ALL: Role[] = [...roles];
export const OFFICE: Role[] = ['admin'];
export const ASSESSORS: Role[] = ['admin', 'assessor'];
export const READERS: Role[] = ['admin', 'assessor', 'leader'];
