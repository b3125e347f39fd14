import { describe, expect, it } from 'vitest';
import { canOpen, navigationFor, navKeyOfPath } from './navigation';

describe('navigation by role', () => {
  it('gives settings to the office only', () => {
    expect(canOpen('admin', 'settings')).toBe(true);
    for (const role of ['assessor', 'leader', 'liaison'] as const) expect(canOpen(role, 'settings')).toBe(false);
  });
  it('keeps rankings of other units away from a liaison', () => {
    expect(navigationFor('liaison')).not.toContain('rankings');
  });
  it('gives leaders read pages but not the assessment workbench', () => {
    expect(navigationFor('leader')).toEqual(['overview', 'rankings', 'analysis', 'reports', 'rectification', 'units']);
  });
  it('opens analysis to the office, assessors and leaders, never to a liaison', () => {
    for (const role of ['admin', 'assessor', 'leader'] as const) expect(canOpen(role, 'analysis')).toBe(true);
    expect(canOpen('liaison', 'analysis')).toBe(false);
    expect(navKeyOfPath('/analysis')).toBe('analysis');
  });
  it('maps nested paths to their menu entry', () => {
    expect(navKeyOfPath('/units/12')).toBe('units');
    expect(navKeyOfPath('/')).toBe('overview');
  });
});
