// The menu's roles come from the access groups the server's procedure kinds use
// (contracts/auth/access.ts); these tests check the rules the menu must keep whatever the
// table says, over every role and page, rather than restating the table.
import { describe, expect, it } from 'vitest';
import { accessGroups } from '@kaoping/contracts/auth/access';
import { roles } from '@kaoping/contracts/auth/role';
import { canOpen, canOpenPath, navigationFor, navKeyOfPath, navPages, navPaths, rolesFor } from './navigation';

const cityWideOnly = navPages.filter((p) => p.access.every((g) => g === 'readers' || g === 'assessors' || g === 'office'));
const writersOnly = navPages.filter((p) => p.access.every((g) => g === 'assessors' || g === 'office' || g === 'filers' || g === 'unit'));

describe('navigation by role', () => {
  it('gives every page a role that some procedure kind serves, and the office every page', () => {
    const served = new Set<string>(Object.values(accessGroups).flat());
    for (const page of navPages) {
      expect(rolesFor(page.key).length, page.key).toBeGreaterThan(0);
      for (const role of rolesFor(page.key)) expect(served.has(role)).toBe(true);
    }
    expect(navigationFor('admin')).toEqual(navPages.map((p) => p.key));
  });

  it('keeps pages built on city-wide procedures away from a liaison', () => {
    expect(cityWideOnly.map((p) => p.key)).toEqual(expect.arrayContaining(['rankings', 'analysis', 'settings']));
    for (const page of cityWideOnly) expect(canOpen('liaison', page.key), page.key).toBe(false);
  });

  it('gives leaders reading only: no page built on writing procedures alone', () => {
    expect(writersOnly.map((p) => p.key)).toEqual(expect.arrayContaining(['settings', 'siteCheck']));
    for (const page of writersOnly) expect(canOpen('leader', page.key), page.key).toBe(false);
    expect(navigationFor('leader')).toContain('analysis');
  });

  it('settings belong to the office alone', () => {
    expect(roles.filter((r) => canOpen(r, 'settings'))).toEqual(['admin']);
  });

  it('the route guard and the menu agree, and keep the menu order, for every role', () => {
    for (const role of roles) {
      const menu = navigationFor(role);
      expect(menu).toContain('overview');
      expect(menu).toEqual(navPages.map((p) => p.key).filter((k) => canOpen(role, k)));
    }
  });

  it('maps every page path and its nested paths back to its menu entry', () => {
    for (const page of navPages) {
      expect(navPaths[page.key]).toBe(page.path);
      expect(navKeyOfPath(page.path)).toBe(page.key);
      if (page.path !== '/') expect(navKeyOfPath(`${page.path}/12/profile`)).toBe(page.key);
    }
    expect(navKeyOfPath('/no-such-page')).toBe('overview');
  });
});

describe('links between pages', () => {
  it('lets a province account follow links to the overview and the ranking only, as the route guard does', () => {
    for (const role of roles) {
      expect(canOpenPath(role, '/units/12/profile?period=2026Q2', 'province')).toBe(false);
      expect(canOpenPath(role, '/rectification/board', 'province')).toBe(false);
      expect(canOpenPath(role, '/rectification?item=3', 'province')).toBe(false);
      expect(canOpenPath(role, '/reports/4/2025', 'province')).toBe(false);
      expect(canOpenPath(role, '/analysis?period=2026Q2&group=C', 'province')).toBe(false);
      expect(canOpenPath(role, '/?period=2026Q2', 'province')).toBe(canOpen(role, 'overview', 'province'));
      expect(canOpenPath(role, '/rankings?group=C', 'province')).toBe(canOpen(role, 'rankings', 'province'));
    }
  });

  it("follows a city account's page rules, with the presentation and bulletin as part of the ranking", () => {
    for (const role of roles) {
      expect(canOpenPath(role, '/units/12/profile')).toBe(canOpen(role, 'units'));
      expect(canOpenPath(role, '/analysis?group=C')).toBe(canOpen(role, 'analysis'));
      expect(canOpenPath(role, '/presentation')).toBe(canOpen(role, 'rankings'));
      expect(canOpenPath(role, '/bulletin?period=2026Q2')).toBe(canOpen(role, 'rankings'));
    }
    expect(canOpenPath('admin', '/rectification/board')).toBe(true);
  });
});
