// Who may use what, written once: the server's procedure kinds (packages/api/src/trpc.ts) and the
// dashboard's menu both read these groups, so the menu offers a page to exactly the roles the
// server answers for it.
import { roles, type Role } from './roles';

export const accessGroups = {
  /** Any signed-in user; a liaison's data is scoped to their own unit by the services. */
  everyone: roles,
  /** City-wide reading: the office, its assessors and leaders. */
  readers: ['admin', 'assessor', 'leader'],
  /** The office and its assessors. */
  assessors: ['admin', 'assessor'],
  /** Those who file a unit's documents: its liaison and the office. */
  filers: ['admin', 'liaison'],
  /** Office administrators only. */
  office: ['admin'],
  /** Unit liaisons only, acting for their own unit. */
  unit: ['liaison'],
} as const satisfies Record<string, readonly Role[]>;

export type AccessGroup = keyof typeof accessGroups;

/** The roles of one or more groups, in the order of `roles`. */
export function rolesOf(...groups: AccessGroup[]): Role[] {
  const allowed = new Set<Role>(groups.flatMap((g) => accessGroups[g]));
  return roles.filter((r) => allowed.has(r));
}
