import { z } from 'zod';
import { roles } from './roles';

// The list itself lives in roles.ts (no zod) for the dashboard's initial JavaScript; this adds the schema.
export { roles, roleLabelsZh, type Role } from './roles';
export const roleSchema = z.enum(roles);
