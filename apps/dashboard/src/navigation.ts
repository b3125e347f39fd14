import { rolesOf, type AccessGroup } from '@kaoping/contracts/auth/access';
import type { Role } from '@kaoping/contracts/auth/role';

export type NavKey = 'overview' | 'rankings' | 'analysis' | 'reports' | 'assessment' | 'rectification' | 'units' | 'settings' | 'siteCheck';

interface NavPage {
  key: NavKey;
  path: string;
  /** The access groups of the procedures the page is built on (contracts/auth/access.ts). */
  access: readonly AccessGroup[];
}

/** The menu, in order. The server enforces the data; this only shapes the menu and the route guard. */
export const navPages: readonly NavPage[] = [
  { key: 'overview', path: '/', access: ['everyone'] },
  { key: 'rankings', path: '/rankings', access: ['readers'] },
  { key: 'analysis', path: '/analysis', access: ['readers'] },
  { key: 'reports', path: '/reports', access: ['everyone'] },
  // Assessors score; a liaison sees and answers its own unit's sheet (self-assessment, objections).
  { key: 'assessment', path: '/assessment', access: ['assessors', 'unit'] },
  { key: 'rectification', path: '/rectification', access: ['everyone'] },
  { key: 'siteCheck', path: '/site-check', access: ['assessors'] },
  { key: 'units', path: '/units', access: ['everyone'] },
  { key: 'settings', path: '/settings', access: ['office'] },
];

const rolesByPage = new Map<NavKey, Role[]>(navPages.map((p) => [p.key, rolesOf(...p.access)]));

export const navPaths = Object.fromEntries(navPages.map((p) => [p.key, p.path])) as Record<NavKey, string>;

export function rolesFor(key: NavKey): readonly Role[] {
  return rolesByPage.get(key) ?? [];
}

export function navigationFor(role: Role): NavKey[] {
  return navPages.filter((p) => rolesFor(p.key).includes(role)).map((p) => p.key);
}

export function canOpen(role: Role, key: NavKey): boolean {
  return rolesFor(key).includes(role);
}

/** The menu key a path belongs to (for highlighting). */
export function navKeyOfPath(pathname: string): NavKey {
  const match = navPages.filter((p) => p.path !== '/' && (pathname === p.path || pathname.startsWith(`${p.path}/`)));
  return match[0]?.key ?? 'overview';
}
