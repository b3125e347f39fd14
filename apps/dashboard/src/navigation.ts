import type { Role } from '@kaoping/contracts/auth/role';

export type NavKey = 'overview' | 'rankings' | 'analysis' | 'reports' | 'assessment' | 'rectification' | 'units' | 'settings';

/** Which pages each role may open. The server enforces the data; this only shapes the menu. */
const navByRole: Record<Role, NavKey[]> = {
  admin: ['overview', 'rankings', 'analysis', 'reports', 'assessment', 'rectification', 'units', 'settings'],
  assessor: ['overview', 'rankings', 'analysis', 'reports', 'assessment', 'rectification', 'units'],
  leader: ['overview', 'rankings', 'analysis', 'reports', 'rectification', 'units'],
  liaison: ['overview', 'reports', 'assessment', 'rectification', 'units'],
};

export const navPaths: Record<NavKey, string> = {
  overview: '/',
  rankings: '/rankings',
  analysis: '/analysis',
  reports: '/reports',
  assessment: '/assessment',
  rectification: '/rectification',
  units: '/units',
  settings: '/settings',
};

export function navigationFor(role: Role): NavKey[] {
  return navByRole[role];
}

export function canOpen(role: Role, key: NavKey): boolean {
  return navByRole[role].includes(key);
}

/** The menu key a path belongs to (for highlighting). */
export function navKeyOfPath(pathname: string): NavKey {
  const match = (Object.entries(navPaths) as [NavKey, string][]).filter(([, p]) => p !== '/' && pathname.startsWith(p));
  return match[0]?.[0] ?? 'overview';
}
