import { rolesOf, type AccessGroup } from '@kaoping/contracts/auth/access';
import type { Role } from '@kaoping/contracts/auth/roles';

export type NavKey =
  'overview' | 'rankings' | 'analysis' | 'reports' | 'assessment' | 'rectification' | 'units' | 'settings' | 'siteCheck' | 'province';

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

/**
 * A province account (officeKind 'province') reads its cities' published results and nothing else
 * (api/src/office-context.ts PROVINCE_PATHS): its landing page over the cities, then the picked
 * city's overview and ranking. No city account has the province page.
 */
const provincePage = { key: 'province' as const, path: '/province' };
export const provinceNavigation: readonly NavKey[] = ['province', 'overview', 'rankings'];
type OfficeKind = 'city' | 'province' | undefined;

export const navPaths = Object.fromEntries([...navPages, provincePage].map((p) => [p.key, p.path])) as Record<NavKey, string>;

export function rolesFor(key: NavKey): readonly Role[] {
  return rolesByPage.get(key) ?? [];
}

export function navigationFor(role: Role, officeKind?: OfficeKind): NavKey[] {
  if (officeKind === 'province') return provinceNavigation.filter((key) => canOpen(role, key, officeKind));
  return navPages.filter((p) => rolesFor(p.key).includes(role)).map((p) => p.key);
}

export function canOpen(role: Role, key: NavKey, officeKind?: OfficeKind): boolean {
  if (officeKind === 'province') return provinceNavigation.includes(key) && (key === 'province' || rolesFor(key).includes(role));
  return rolesFor(key).includes(role);
}

/** The menu key a path belongs to (for highlighting). */
export function navKeyOfPath(pathname: string): NavKey {
  const match = [...navPages, provincePage].filter((p) => p.path !== '/' && (pathname === p.path || pathname.startsWith(`${p.path}/`)));
  return match[0]?.key ?? 'overview';
}

/** Pages outside the menu, guarded as the menu page they belong to (routes/app-routes.tsx). */
const pagesOutsideMenu: readonly (readonly [string, NavKey])[] = [
  ['/presentation', 'rankings'],
  ['/bulletin', 'rankings'],
];

/**
 * Whether the route guard lets this user open `to` (a path, with or without a query), so a page
 * offers no link into a 403 page (a province account reads only the overview and the ranking).
 */
export function canOpenPath(role: Role, to: string, officeKind?: OfficeKind): boolean {
  const pathname = to.split(/[?#]/)[0] ?? to;
  const outside = pagesOutsideMenu.find(([path]) => pathname === path || pathname.startsWith(`${path}/`));
  return canOpen(role, outside?.[1] ?? navKeyOfPath(pathname), officeKind);
}
