// Small golden cases computed by hand, one per rule of spec §1–§3.
import { describe, expect, it } from 'vitest';
import type { SchemeInput } from '@kaoping/contracts/scoring/scheme';
import type { CompiledScheme } from './compile-scheme';
import { computePeriodResults, type ComputePeriodOptions } from './compute-period';
import { buildScheme, compileOrThrow, makeScores, makeUnit, manualScheme } from './scoring-fixtures';
import type { ScoringInputs } from './scoring-inputs';
import type { PeriodResults, UnitPeriodResult } from './scoring-result';

const Q = '2025Q3';

function compute(scheme: CompiledScheme, inputs: ScoringInputs, options: ComputePeriodOptions = {}, period = Q): PeriodResults {
  const result = computePeriodResults(scheme, period, inputs, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
  return result.results;
}

const rowsOf = (r: PeriodResults): UnitPeriodResult[] => r.groups.flatMap((g) => g.rows);
const rowOf = (r: PeriodResults, unit: string): UnitPeriodResult => {
  const row = rowsOf(r).find((x) => x.unit === unit);
  if (!row) throw new Error(`no ${unit}`);
  return row;
};

/** Manual scheme; units U1.. with the given finals (as manual values). */
function withFinals(finals: Record<string, string>, overrides: Partial<SchemeInput> = {}, groupOf: (u: string) => string = () => 'A') {
  const scheme = compileOrThrow(manualScheme(overrides));
  const inputs: ScoringInputs = {
    units: Object.keys(finals).map((u) => makeUnit(u, groupOf(u))),
    scores: Object.entries(finals).flatMap(([u, v]) => makeScores(u, Q, { '1.1': v })),
  };
  return { scheme, inputs };
}

describe('leaf rules', () => {
  // 10 + 10 + 10 + 10 + 20 + 20 + 20 = 100
  const scheme = compileOrThrow(
    buildScheme({
      indicators: [
        {
          code: '1',
          name: '全部规则',
          points: 100,
          children: [
            { code: 'm', name: '人工', points: 10, rule: { kind: 'manual' } },
            { code: 'b', name: '是否', points: 10, rule: { kind: 'binary' } },
            {
              code: 'c',
              name: '清单',
              points: 10,
              rule: {
                kind: 'checklist',
                items: [
                  { code: 'x', name: '甲', points: 6 },
                  { code: 'y', name: '乙', points: 4 },
                ],
              },
            },
            {
              code: 'g',
              name: '等级',
              points: 10,
              rule: {
                kind: 'graded',
                levels: [
                  { label: 'A', points: 10 },
                  { label: 'B', points: 7 },
                  { label: 'C', points: 0 },
                ],
              },
            },
            { code: 'r', name: '比率', points: 20, rule: { kind: 'rate', target: 90, perPointBelow: 0.5 } },
            { code: 'd', name: '扣分', points: 20, rule: { kind: 'deduct', perFinding: 3 } },
            { code: 'z', name: '整改', points: 20, rule: { kind: 'rectification', perLate: 4, perRejected: 1.5 } },
          ],
        },
      ],
    }),
  );

  it('scores every kind exactly (65.25 by hand)', () => {
    const inputs: ScoringInputs = {
      units: [makeUnit('U1')],
      scores: makeScores('U1', Q, { m: '7.5', b: '1', c: 'y', g: 'B', r: '80' }),
      findings: [
        { unit: 'U1', period: Q, indicator: 'd', count: 2, deduction: null }, // 6
        { unit: 'U1', period: Q, indicator: 'd', count: 1, deduction: 1.25 }, // own deduction
        { unit: 'U1', period: '2025Q2', indicator: 'd', count: 5, deduction: null }, // other quarter
      ],
      rectifications: [
        { unit: 'U1', period: Q, item: 'R1', due: '2025-08-01', closed: '2025-08-03', rejected: 2 }, // late 4 + 2 × 1.5
        { unit: 'U1', period: Q, item: 'R2', due: '2025-08-10', closed: '2025-08-10', rejected: 0 }, // on time
        { unit: 'U1', period: Q, item: 'R3', due: '2025-09-30', closed: null, rejected: 0 }, // open at quarter end: late 4
        { unit: 'U1', period: '2025Q4', item: 'R4', due: '2025-10-01', closed: null, rejected: 3 }, // next quarter
      ],
    };
    const row = rowOf(compute(scheme, inputs), 'U1');
    // m 7.5, b 10, c 4, g 7, r 20 − 10 × 0.5 = 15, d 20 − 6 − 1.25 = 12.75, z 20 − 4 − 3 − 4 = 9
    expect(row.base).toBe(65.25);
    expect(row.final).toBe(65.25);
    expect(row.complete).toBe(true);
    const sheet = new Map(row.sheet?.map((s) => [s.code, s.earned]));
    expect(Object.fromEntries(sheet)).toEqual({ '1': 65.25, m: 7.5, b: 10, c: 4, g: 7, r: 15, d: 12.75, z: 9 });
  });

  it('clamps each leaf to [0, points] outside pooled deductions', () => {
    const inputs: ScoringInputs = {
      units: [makeUnit('U1')],
      scores: makeScores('U1', Q, { m: '10', b: '0', c: '', g: 'C', r: '0' }), // r: 20 − 90 × 0.5 < 0 → 0
      findings: [{ unit: 'U1', period: Q, indicator: 'd', count: 100, deduction: null }],
      rectifications: Array.from({ length: 8 }, (_, i) => ({
        unit: 'U1',
        period: Q,
        item: `R${i}`,
        due: '2025-07-01',
        closed: null,
        rejected: 1,
      })),
    };
    const row = rowOf(compute(scheme, inputs), 'U1');
    expect(row.base).toBe(10);
    const r = row.sheet?.find((s) => s.code === 'r');
    expect(r).toMatchObject({ earned: 0, losses: [{ kind: 'rate-below-target', value: 0, target: 90, points: 45 }] });
  });

  it('rejects values that do not fit the rule, naming the row', () => {
    const result = computePeriodResults(scheme, Q, {
      units: [makeUnit('U1')],
      scores: makeScores('U1', Q, { m: '10.5', b: '2', c: 'x;w', g: 'D', r: '101', d: '3' }),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.index, i.column, i.message])).toEqual([
      [0, 'value', '指标 m:得分 10.5 超出 [0, 10]'],
      [1, 'value', '指标 b:应为 1 或 0,实际为 “2”'],
      [2, 'value', '指标 c:检查项 w 不存在(可选:x、y)'],
      [3, 'value', '指标 g:等级 “D” 不存在(可选:A、B、C)'],
      [4, 'value', '指标 r:应为 0–100 的百分比(最多三位小数),实际为 “101”'],
      [5, 'value', '指标 d:该指标按问题记录(findings)自动扣分,得分只能填 na 或留空'],
    ]);
  });

  it('builds score sheets only for the units asked for', () => {
    const inputs: ScoringInputs = { units: [makeUnit('U1'), makeUnit('U2')], scores: [] };
    const r = compute(scheme, inputs, { breakdown: new Set(['U2']) });
    expect(rowOf(r, 'U1').sheet).toBeNull();
    expect(rowOf(r, 'U2').sheet).toHaveLength(8);
  });

  it('marks leaves without input as missing: 0 points, complete false', () => {
    const row = rowOf(compute(scheme, { units: [makeUnit('U1')], scores: makeScores('U1', Q, { m: '10', c: '', r: '' }) }), 'U1');
    // m 10, c 0 (empty checklist = none met, not missing), d 20, z 20; b, g, r missing
    expect(row.base).toBe(50);
    expect(row.complete).toBe(false);
    expect(row.missing).toEqual(['b', 'g', 'r']);
    expect(row.sheet?.find((s) => s.code === 'g')).toMatchObject({ status: 'missing', losses: [{ kind: 'missing-input', points: 10 }] });
  });
});

describe('applicability', () => {
  const scheme = compileOrThrow(
    buildScheme({
      indicators: [
        {
          code: '1',
          name: '一',
          points: 60,
          children: [
            { code: '1.1', name: '通用', points: 40, rule: { kind: 'manual' } },
            { code: '1.2', name: '仅A组', points: 10, appliesTo: { groups: ['A'] }, rule: { kind: 'manual' } },
            { code: '1.3', name: '有网站的', points: 10, appliesTo: { tags: ['网站'] }, na: { rate: 0.75 }, rule: { kind: 'manual' } },
          ],
        },
      ],
    }),
  );

  it('excludes by group, rates by tag, and honours per-unit na marks', () => {
    const inputs: ScoringInputs = {
      units: [makeUnit('A1', 'A', ['网站']), makeUnit('A2', 'A'), makeUnit('B1', 'B', ['网站']), makeUnit('A3', 'A', ['网站'])],
      scores: [
        ...makeScores('A1', Q, { '1.1': '40', '1.2': '5', '1.3': '10' }), // 55 / 60
        ...makeScores('A2', Q, { '1.1': '40', '1.2': '5' }), // 1.3 by tag → 0.75 × 10: 52.5 / 60
        ...makeScores('B1', Q, { '1.1': '30', '1.3': '10', '1.2': 'na' }), // 1.2 excluded: 40 / 50
        ...makeScores('A3', Q, { '1.1': '40', '1.2': 'na', '1.3': 'NA' }), // marked na: exclude 1.2, 7.5 for 1.3: 47.5 / 50
      ],
    };
    const r = compute(scheme, inputs);
    expect([rowOf(r, 'A1').base, rowOf(r, 'A1').applicableMax, rowOf(r, 'A1').final]).toEqual([55, 60, 91.67]);
    expect([rowOf(r, 'A2').base, rowOf(r, 'A2').applicableMax, rowOf(r, 'A2').final]).toEqual([52.5, 60, 87.5]);
    expect([rowOf(r, 'B1').base, rowOf(r, 'B1').applicableMax, rowOf(r, 'B1').final]).toEqual([40, 50, 80]);
    expect([rowOf(r, 'A3').base, rowOf(r, 'A3').applicableMax, rowOf(r, 'A3').final]).toEqual([47.5, 50, 95]);
    expect(rowOf(r, 'A2').sheet?.find((s) => s.code === '1.3')).toMatchObject({
      status: 'na',
      naHandling: 'rate',
      earned: 7.5,
      applicablePoints: 10,
    });
  });

  it('rejects a value for a leaf that does not apply to the unit', () => {
    const result = computePeriodResults(scheme, Q, {
      units: [makeUnit('B1', 'B')],
      scores: makeScores('B1', Q, { '1.1': '30', '1.2': '5' }),
    });
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual(['指标 1.2 不适用于单位 B1(分组 B),只能填 na 或留空']);
  });

  it('leaves a unit with nothing applicable unscored, with a reason', () => {
    const s = compileOrThrow(
      buildScheme({
        indicators: [
          {
            code: '1',
            name: '一',
            points: 10,
            appliesTo: { groups: ['A'] },
            children: [{ code: '1.1', name: 'x', points: 10, rule: { kind: 'manual' } }],
          },
        ],
      }),
    );
    const r = compute(s, { units: [makeUnit('A1'), makeUnit('B1', 'B')], scores: makeScores('A1', Q, { '1.1': '9' }) });
    expect(rowOf(r, 'B1')).toMatchObject({
      final: null,
      rank: null,
      grade: null,
      applicableMax: 0,
      unscoredReason: '没有适用的指标(适用满分为 0),不计分',
    });
    expect(rowOf(r, 'A1')).toMatchObject({ final: 90, rank: 1 });
  });
});

describe('pooled deductions', () => {
  const scheme = (pooled: boolean) =>
    compileOrThrow(
      buildScheme({
        indicators: [
          {
            code: '2',
            name: '依申请',
            points: 30,
            pooledDeductions: pooled,
            children: [
              { code: '2.1', name: '期限', points: 15, rule: { kind: 'deduct', perFinding: 5 } },
              { code: '2.2', name: '规范', points: 15, rule: { kind: 'manual' } },
            ],
          },
          { code: '3', name: '其他', points: 10, children: [{ code: '3.1', name: '其他', points: 10, rule: { kind: 'manual' } }] },
        ],
      }),
    );
  const inputs = (count: number, v22: string): ScoringInputs => ({
    units: [makeUnit('U1')],
    scores: makeScores('U1', Q, { '2.2': v22, '3.1': '10' }),
    findings: [{ unit: 'U1', period: Q, indicator: '2.1', count, deduction: null }],
  });

  it('lets a leaf go below zero and eat into its siblings', () => {
    // 15 − 4 × 5 = −5; 2 = −5 + 12 = 7; total 17 of 40
    expect(rowOf(compute(scheme(true), inputs(4, '12')), 'U1').base).toBe(17);
    // without pooling the leaf stops at 0: 0 + 12 + 10
    expect(rowOf(compute(scheme(false), inputs(4, '12')), 'U1').base).toBe(22);
  });

  it('clamps the level-1 node at 0', () => {
    // 15 − 10 × 5 = −35; −35 + 12 < 0 → 0; total 10
    const row = rowOf(compute(scheme(true), inputs(10, '12')), 'U1');
    expect(row.base).toBe(10);
    expect(row.sheet?.find((s) => s.code === '2.1')?.earned).toBe(-35);
    expect(row.sheet?.find((s) => s.code === '2')?.earned).toBe(0);
  });
});

describe('major deductions, bonus, vetoes', () => {
  const extras: Partial<SchemeInput> = {
    vetoes: [
      { code: 'V1', name: '泄密', effect: 'fail' },
      { code: 'V2', name: '首页不更新', effect: 'cap', capTo: 59 },
      { code: 'V3', name: '另一封顶', effect: 'cap', capTo: 50.5 },
    ],
    bonus: {
      gate: 80,
      cap: 5,
      items: [
        { code: 'J1', name: '推广', points: 2 },
        { code: 'J2', name: '表扬', points: 1.5 },
      ],
    },
    majorDeductions: [{ code: 'Z1', name: '通报批评', points: 10 }],
  };
  const ev = (unit: string, ...codes: string[]) => codes.map((code) => ({ unit, period: Q, code }));

  it('subtracts major deductions uncapped, floored at 0', () => {
    const { scheme, inputs } = withFinals({ U1: '85', U2: '15' }, extras);
    const r = compute(scheme, { ...inputs, events: [...ev('U1', 'Z1'), ...ev('U2', 'Z1', 'Z1')] });
    expect(rowOf(r, 'U1')).toMatchObject({ major: 10, final: 75 });
    expect(rowOf(r, 'U2')).toMatchObject({ major: 20, final: 0 });
  });

  it('adds bonus only at or above the gate, up to the cap, and may pass 100', () => {
    const { scheme, inputs } = withFinals({ U1: '79.999', U2: '80', U3: '98', U4: '90' }, extras);
    const r = compute(scheme, {
      ...inputs,
      events: [...ev('U1', 'J1'), ...ev('U2', 'J2'), ...ev('U3', 'J1', 'J1', 'J2', 'J2'), ...ev('U4', 'J1', 'Z1')],
    });
    expect(rowOf(r, 'U1')).toMatchObject({ bonus: 0, final: 80 }); // 79.999 rounds to 80.00 only at the end
    expect(rowOf(r, 'U2')).toMatchObject({ bonus: 1.5, final: 81.5 });
    expect(rowOf(r, 'U3')).toMatchObject({ bonus: 5, final: 103 }); // 2 + 2 + 1.5 + 1.5 = 7 → cap 5
    expect(rowOf(r, 'U4')).toMatchObject({ bonus: 2, final: 82 }); // gate on normalised after major: 80 ≥ 80
  });

  it('caps with a cap veto (the lowest cap wins) and still ranks', () => {
    const { scheme, inputs } = withFinals({ U1: '95', U2: '40', U3: '70', U4: '60' }, extras);
    const r = compute(scheme, { ...inputs, events: [...ev('U1', 'V2'), ...ev('U2', 'V2'), ...ev('U3', 'V3', 'V2')] });
    expect(rowOf(r, 'U1')).toMatchObject({ final: 59, rank: 2, vetoes: ['V2'], grade: '不合格' });
    expect(rowOf(r, 'U2')).toMatchObject({ final: 40, rank: 4 });
    expect(rowOf(r, 'U3')).toMatchObject({ final: 50.5, rank: 3, vetoes: ['V2', 'V3'] });
    expect(rowOf(r, 'U4')).toMatchObject({ final: 60, rank: 1, grade: '合格' });
  });

  it('caps after the bonus', () => {
    const { scheme, inputs } = withFinals(
      { U1: '58' },
      { ...extras, bonus: { gate: 50, cap: 5, items: [{ code: 'J1', name: '推广', points: 2 }] } },
    );
    expect(rowOf(compute(scheme, { ...inputs, events: ev('U1', 'J1', 'V2') }), 'U1')).toMatchObject({ bonus: 2, final: 59 });
  });

  it('fails a unit with a fail veto: lowest grade, no rank, listed after the ranked', () => {
    const { scheme, inputs } = withFinals({ U1: '99', U2: '80', U3: '70' }, extras);
    const r = compute(scheme, { ...inputs, events: ev('U1', 'V1', 'J1') });
    expect(r.groups[0]?.rows.map((x) => [x.unit, x.rank, x.grade, x.final])).toEqual([
      ['U2', 1, '良好', 80],
      ['U3', 2, '合格', 70],
      ['U1', null, '不合格', 101],
    ]);
    expect(rowOf(r, 'U1')).toMatchObject({ vetoes: ['V1'], isVetoFail: true, bonus: 2 });
  });
});

describe('rounding', () => {
  it('rounds once, half up, at the end', () => {
    const { scheme, inputs } = withFinals({ U1: '80.005', U2: '80.004', U3: '66.665' });
    const r = compute(scheme, inputs);
    expect([rowOf(r, 'U1').final, rowOf(r, 'U2').final, rowOf(r, 'U3').final]).toEqual([80.01, 80, 66.67]);
  });

  it('keeps the normalisation exact (2/3 → 66.67, 1/3 → 33.33, 5/9 → 55.56)', () => {
    const scheme = compileOrThrow(
      buildScheme({
        indicators: [
          {
            code: '1',
            name: '一',
            points: 90,
            children: [
              { code: '1.1', name: 'a', points: 60, rule: { kind: 'manual' } },
              { code: '1.2', name: 'b', points: 30, appliesTo: { groups: ['B'] }, rule: { kind: 'manual' } },
            ],
          },
        ],
      }),
    );
    const r = compute(scheme, {
      units: [makeUnit('U1'), makeUnit('U2'), makeUnit('U3', 'B')],
      scores: [
        ...makeScores('U1', Q, { '1.1': '40' }),
        ...makeScores('U2', Q, { '1.1': '20' }),
        ...makeScores('U3', Q, { '1.1': '20', '1.2': '30' }),
      ],
    });
    expect([rowOf(r, 'U1').final, rowOf(r, 'U2').final, rowOf(r, 'U3').final]).toEqual([66.67, 33.33, 55.56]);
  });
});

describe('ranking and grades', () => {
  it('uses standard competition ranking (1, 2, 2, 4)', () => {
    const { scheme, inputs } = withFinals({ U1: '88', U2: '92', U3: '88', U4: '70', U5: '88.001' });
    const r = compute(scheme, inputs);
    // 88.001 rounds to 88.00: ranks compare the rounded finals
    expect(r.groups[0]?.rows.map((x) => [x.unit, x.rank])).toEqual([
      ['U2', 1],
      ['U1', 2],
      ['U3', 2],
      ['U5', 2],
      ['U4', 5],
    ]);
  });

  it('ranks each group separately and lists groups in scheme order', () => {
    const { scheme, inputs } = withFinals({ B1: '50', A1: '60', B2: '70' }, {}, (u) => u[0] ?? 'A');
    const r = compute(scheme, inputs);
    expect(r.groups.map((g) => [g.code, g.rows.map((x) => `${x.unit}:${x.rank}`)])).toEqual([
      ['A', ['A1:1']],
      ['B', ['B2:1', 'B1:2']],
    ]);
  });

  const quota = {
    grading: {
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 80 },
        { grade: '合格', min: 60 },
        { grade: '不合格', min: 0 },
      ],
      quota: { grade: '优秀', maxPct: 30 },
    },
  };

  it('demotes a tie that crosses the quota as a whole, and everything after it', () => {
    // 10 ranked → at most 3 优秀; 99, 98 fit; the 97 tie would make 4 → demoted; 96 too
    const { scheme, inputs } = withFinals(
      { U1: '99', U2: '98', U3: '97', U4: '97', U5: '96', U6: '85', U7: '80', U8: '70', U9: '60', U10: '10' },
      quota,
    );
    const r = compute(scheme, inputs);
    expect(r.groups[0]?.rows.map((x) => `${x.unit}:${x.grade}${x.isQuotaDemoted ? '↓' : ''}`)).toEqual([
      'U1:优秀',
      'U2:优秀',
      'U3:良好↓',
      'U4:良好↓',
      'U5:良好↓',
      'U6:良好',
      'U7:良好',
      'U8:合格',
      'U9:合格',
      'U10:不合格',
    ]);
  });

  it('grants a tie that fits the quota exactly', () => {
    const { scheme, inputs } = withFinals(
      { U1: '95', U2: '95', U3: '95', U4: '91', U5: '50', U6: '50', U7: '50', U8: '50', U9: '50', U10: '50' },
      quota,
    );
    const grades = compute(scheme, inputs).groups[0]?.rows.map((x) => x.grade);
    expect(grades?.slice(0, 4)).toEqual(['优秀', '优秀', '优秀', '良好']);
  });

  it('counts only ranked units for the quota (fail-vetoed and unscored do not count)', () => {
    const { scheme, inputs } = withFinals(
      { U1: '95', U2: '94', U3: '50', U4: '99' },
      { ...quota, vetoes: [{ code: 'V1', name: '否决', effect: 'fail' }] },
    );
    // ranked: U1, U2, U3 → floor(0.9) = 0 优秀; with U4 ranked it would be floor(1.2) = 1
    const r = compute(scheme, { ...inputs, events: [{ unit: 'U4', period: Q, code: 'V1' }] });
    expect(rowOf(r, 'U1')).toMatchObject({ grade: '良好', isQuotaDemoted: true });
    const r2 = compute(scheme, inputs);
    expect([rowOf(r2, 'U4').grade, rowOf(r2, 'U1').grade]).toEqual(['优秀', '良好']);
  });

  it('gives rankDelta against the previous period in the same group only', () => {
    const { scheme, inputs } = withFinals({ U1: '90', U2: '80', U3: '70', U4: '60' });
    const r = compute(scheme, inputs, {
      previousRanks: [
        { unit: 'U1', group: 'A', rank: 3 }, // moved up 2
        { unit: 'U2', group: 'A', rank: 1 }, // down 1
        { unit: 'U3', group: 'B', rank: 1 }, // other group
        { unit: 'U4', group: 'A', rank: null }, // was unranked
      ],
    });
    expect(r.groups[0]?.rows.map((x) => x.rankDelta)).toEqual([2, -1, null, null]);
  });
});

describe('input checks', () => {
  it('names unknown units, indicators, event codes and duplicates by row', () => {
    const scheme = compileOrThrow(manualScheme({ vetoes: [{ code: 'V1', name: '否决', effect: 'fail' }] }));
    const result = computePeriodResults(scheme, Q, {
      units: [makeUnit('U1'), makeUnit('U1'), makeUnit('U2', 'Z')],
      scores: [
        { unit: 'U9', period: Q, indicator: '1.1', value: '1' },
        { unit: 'U1', period: Q, indicator: '9', value: '1' },
        { unit: 'U1', period: Q, indicator: '1', value: '1' },
        { unit: 'U1', period: Q, indicator: '1.1', value: '1' },
        { unit: 'U1', period: Q, indicator: '1.1', value: '2' },
      ],
      findings: [{ unit: 'U1', period: Q, indicator: '1.1', count: 1, deduction: null }],
      events: [{ unit: 'U1', period: Q, code: 'X9' }],
    });
    expect(result.ok ? [] : result.issues.map((i) => `${i.source}#${i.index} ${i.column}:${i.message}`)).toEqual([
      'units#1 code:单位编码 U1 重复',
      'units#2 group:分组 Z 不在方案 T-2025 中',
      'scores#0 unit:单位 U9 不存在',
      'scores#1 indicator:指标 9 不在方案 T-2025 中',
      'scores#2 indicator:指标 1 不是末级指标,不能直接打分',
      'scores#4 indicator:单位 U1 在 2025Q3 的指标 1.1 重复打分',
      'findings#0 indicator:指标 1.1 不是扣分项(deduct),不能登记问题',
      'events#0 code:事项编码 X9 不是方案中的否决项、加分项或重大扣分项',
    ]);
  });

  it('refuses a period outside the scheme year', () => {
    const { scheme, inputs } = withFinals({ U1: '1' });
    expect(() => computePeriodResults(scheme, '2024Q4', inputs)).toThrow('不在方案 T-2025 的年度 2025 内');
    expect(() => computePeriodResults(scheme, '2025', inputs)).toThrow('不是季度');
  });
});
