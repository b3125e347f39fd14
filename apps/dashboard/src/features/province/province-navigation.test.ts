import { describe, expect, it } from 'vitest';
import { roles } from '@kaoping/contracts/auth/role';
import { canOpen, navigationFor, navKeyOfPath, navPaths } from '../../navigation';

describe('navigation of a province account', () => {
  it('offers the province page, then the picked city’s overview and ranking, and nothing else', () => {
    expect(navigationFor('leader', 'province')).toEqual(['province', 'overview', 'rankings']);
    for (const key of ['analysis', 'reports', 'assessment', 'rectification', 'units', 'settings', 'siteCheck'] as const)
      expect(canOpen('leader', key, 'province'), key).toBe(false);
    expect(canOpen('leader', 'province', 'province')).toBe(true);
    expect(navPaths.province).toBe('/province');
    expect(navKeyOfPath('/province')).toBe('province');
  });

  it('never offers the province page to a city account', () => {
    for (const role of roles) {
      expect(navigationFor(role)).not.toContain('province');
      expect(navigationFor(role, 'city')).not.toContain('province');
      expect(canOpen(role, 'province')).toBe(false);
    }
  });
});
