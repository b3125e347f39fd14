import { describe, expect, it } from 'vitest';
import { createSeededRandom as createRandom } from '../random/seeded-random';
import { generateReport } from './generate-report';
import { checkSoftRules } from './soft-rules';
import { reportCellKeys } from './template';
import { inferUnitKind } from './unit-kind';

describe('generateReport', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(generateReport({ seed: 42 })).toEqual(generateReport({ seed: 42 }));
    expect(generateReport({ seed: 42 }).cells).not.toEqual(generateReport({ seed: 43 }).cells);
    const r = createRandom(5);
    const xs = [r(), r(), r()];
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRandom(5)()).toBe(xs[0]);
  });

  it('fills every key of the format, and looks like a real unit', () => {
    for (const format of [2021, 2019] as const) {
      const r = generateReport({ seed: 3, format, unitKind: 'township', unit: '李溪镇人民政府', year: 2022 });
      expect(Object.keys(r.cells).sort()).toEqual([...reportCellKeys(format)].sort());
      expect(r).toMatchObject({ unit: '李溪镇人民政府', unitKind: 'township', year: 2022, format });
      expect(r.publishedAt).toMatch(/^2023-0[12]-\d\d$/);
    }
    for (let seed = 1; seed < 200; seed++) {
      const r = generateReport({ seed });
      expect(inferUnitKind(r.unit)).toBe(r.unitKind);
      expect(checkSoftRules(r, { unitKind: r.unitKind })).toEqual([]);
    }
  });

  it('records what it broke', () => {
    expect(generateReport({ seed: 1, inject: 'H4' }).injected).toEqual({ rule: 'H4', cells: ['review.total'] });
  });
});

describe('inferUnitKind', () => {
  it.each([
    ['淮安市人民政府', 'city_gov'],
    ['酉阳土家族苗族自治县李溪镇人民政府', 'township'],
    ['开平市科工商务局', 'city_dept'],
    ['临江区人民政府', 'county_gov'],
    ['白沙街道办事处', 'street'],
    ['南湖县财政局', 'county_dept'],
    ['', null],
  ])('%s → %s', (name, kind) => expect(inferUnitKind(name)).toBe(kind));
});
