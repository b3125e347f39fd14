import { describe, expect, it } from 'vitest';
import type { Scheme } from '@kaoping/contracts/scoring/scheme';
import { compileScheme } from '@kaoping/domain/scoring/compile-scheme';
import { ALL_GROUPS, applyGroupMapping, suggestGroup, suggestMapping, unmappedGroups } from './group-mapping';

const YEAR_GROUPS = [
  { code: 'XQ', name: '县区' },
  { code: 'SZ', name: '市直部门' },
  { code: 'XZ', name: '乡镇' },
];

const leaf = (code: string, points: number, groups?: string[]) => ({
  code,
  name: `指标${code}`,
  points,
  rule: { kind: 'manual' as const },
  ...(groups ? { appliesTo: { groups } } : {}),
});

function proposal(groups: { code: string; name: string }[], indicators: Scheme['indicators']): Scheme {
  return {
    code: 'S',
    title: '细则',
    year: 2026,
    groups,
    indicators,
    vetoes: [],
    majorDeductions: [],
    grading: {
      bands: [
        { grade: '合格', min: 60 },
        { grade: '不合格', min: 0 },
      ],
    },
  };
}

describe('suggestGroup', () => {
  it('maps ALL to every group and reads the usual ways of writing the three groups', () => {
    expect(suggestGroup({ code: 'ALL', name: '全部参评单位' }, YEAR_GROUPS)).toBe(ALL_GROUPS);
    expect(suggestGroup({ code: 'G1', name: '区县' }, YEAR_GROUPS)).toBe('XQ');
    expect(suggestGroup({ code: 'G1', name: '各县(市、区)' }, YEAR_GROUPS)).toBe('XQ');
    expect(suggestGroup({ code: 'G2', name: '市直单位' }, YEAR_GROUPS)).toBe('SZ');
    expect(suggestGroup({ code: 'G3', name: '乡镇(街道)' }, YEAR_GROUPS)).toBe('XZ');
    expect(suggestGroup({ code: 'G3', name: '乡镇街道' }, [{ code: 'T', name: '乡镇街道' }])).toBe('T');
    expect(suggestGroup({ code: 'XZ', name: '别的名字' }, YEAR_GROUPS)).toBe('XZ');
  });

  it('leaves a name it cannot read unmapped (a department is not a group)', () => {
    expect(suggestGroup({ code: 'G1', name: '县水利局' }, YEAR_GROUPS)).toBeUndefined();
    expect(suggestGroup({ code: 'G1', name: '县区' }, [])).toBeUndefined();
  });
});

describe('applyGroupMapping', () => {
  it('ALL → the year’s groups, and the scheme compiles', () => {
    const scheme = proposal([{ code: 'ALL', name: '全部参评单位' }], [leaf('1', 100)]);
    const mapped = applyGroupMapping(scheme, suggestMapping(scheme.groups, YEAR_GROUPS), YEAR_GROUPS);
    expect(mapped.groups).toEqual(YEAR_GROUPS);
    expect(compileScheme(mapped).ok).toBe(true);
  });

  it('per-group tables: rewrites appliesTo and drops a restriction that covers every group', () => {
    const scheme = proposal(
      [
        { code: 'G1', name: '区县' },
        { code: 'G2', name: '市直单位' },
      ],
      [
        { code: '1', name: '共同', points: 60, children: [leaf('1.1', 60)], appliesTo: { groups: ['G1', 'G2'] } },
        { code: '2', name: '县区部分', points: 40, children: [leaf('2.1', 40)], appliesTo: { groups: ['G1'], tags: ['重点'] } },
        { code: '3', name: '市直部分', points: 40, children: [leaf('3.1', 40)], appliesTo: { groups: ['G2'] } },
      ],
    );
    const mapping = suggestMapping(scheme.groups, YEAR_GROUPS);
    expect(mapping).toEqual({ G1: 'XQ', G2: 'SZ' });
    const mapped = applyGroupMapping(scheme, mapping, YEAR_GROUPS);
    expect(mapped.groups.map((g) => g.code)).toEqual(['XQ', 'SZ']);
    expect(mapped.indicators.map((n) => n.appliesTo)).toEqual([undefined, { groups: ['XQ'], tags: ['重点'] }, { groups: ['SZ'] }]);
    expect('appliesTo' in (mapped.indicators[0] ?? {})).toBe(false);
    expect(compileScheme(mapped).ok).toBe(true);
  });

  it('reports unmapped groups and refuses to apply them', () => {
    const scheme = proposal(
      [
        { code: 'G1', name: '县农粮局' },
        { code: 'G2', name: '县水利局' },
      ],
      [leaf('1', 100)],
    );
    expect(unmappedGroups(scheme, { G1: 'SZ' }, YEAR_GROUPS).map((g) => g.code)).toEqual(['G2']);
    expect(unmappedGroups(scheme, { G1: 'SZ', G2: 'GONE' }, YEAR_GROUPS).map((g) => g.code)).toEqual(['G2']);
    expect(() => applyGroupMapping(scheme, { G1: 'SZ' }, YEAR_GROUPS)).toThrow();
    // Two departments onto one group: one group, each restriction kept as that group.
    expect(applyGroupMapping(scheme, { G1: 'SZ', G2: 'SZ' }, YEAR_GROUPS).groups).toEqual([{ code: 'SZ', name: '市直部门' }]);
  });
});
