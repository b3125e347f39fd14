import { describe, expect, it } from 'vitest';
import { generateDemoCity } from './demo-city';

describe('demo city', () => {
  const city = generateDemoCity();

  it('is deterministic', () => {
    expect(generateDemoCity()).toEqual(city);
    expect(generateDemoCity(7).units.map((u) => u.name)).not.toEqual(city.units.map((u) => u.name));
  });

  it('has the shape the issue asks for: 10 counties, 45 departments in two groups, 100 townships/streets', () => {
    const active = city.units.filter((u) => !u.validTo);
    expect(active.filter((u) => u.kind === 'county_gov')).toHaveLength(10);
    expect(active.filter((u) => u.kind === 'city_dept')).toHaveLength(45);
    expect(active.filter((u) => u.group === 'B1').length).toBeGreaterThan(0);
    expect(active.filter((u) => u.group === 'B2').length).toBeGreaterThan(0);
    expect(active.filter((u) => u.kind === 'township' || u.kind === 'street')).toHaveLength(100);
  });

  it('has unique codes and names, and every parent exists', () => {
    const codes = new Set(city.units.map((u) => u.code));
    expect(codes.size).toBe(city.units.length);
    expect(new Set(city.units.map((u) => u.name)).size).toBe(city.units.length);
    for (const u of city.units) if (u.parentCode) expect(codes.has(u.parentCode)).toBe(true);
  });

  it('has a user for every role and a liaison for every active unit', () => {
    for (const role of ['admin', 'assessor', 'liaison', 'leader']) expect(city.users.some((u) => u.role === role)).toBe(true);
    const liaisonUnits = new Set(city.users.filter((u) => u.role === 'liaison').map((u) => u.unitCode));
    for (const u of city.units.filter((x) => !x.validTo)) expect(liaisonUnits.has(u.code)).toBe(true);
  });
});
