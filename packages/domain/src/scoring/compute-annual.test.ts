import { describe, expect, it } from 'vitest';
import { computeAnnualResults } from './compute-annual';
import { computePeriodResults } from './compute-period';
import { compileOrThrow, makeScores, makeUnit, manualScheme } from './scoring-fixtures';
import type { ScoreInput } from './scoring-inputs';
import type { PeriodResults } from './scoring-result';
import { toAnnualScoreReport } from './score-report';

const scheme = compileOrThrow(
  manualScheme({
    annual: { periods: { Q1: 0.2, Q2: 0.2, Q3: 0.2, Q4: 0.4 } },
    vetoes: [
      { code: 'V1', name: '否决', effect: 'fail' },
      { code: 'V2', name: '封顶', effect: 'cap', capTo: 59 },
    ],
    grading: {
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 80 },
        { grade: '合格', min: 60 },
        { grade: '不合格', min: 0 },
      ],
      quota: { grade: '优秀', maxPct: 50 },
    },
  }),
);
const units = ['U1', 'U2', 'U3', 'U4', 'U5'].map((u) => makeUnit(u));

function quarters(
  finals: Record<string, (string | null)[]>,
  events: { unit: string; period: string; code: string }[] = [],
): PeriodResults[] {
  const scores: ScoreInput[] = [];
  for (const [unit, values] of Object.entries(finals)) {
    values.forEach((v, q) => {
      if (v !== null) scores.push(...makeScores(unit, `2025Q${q + 1}`, { '1.1': v }));
    });
  }
  return [1, 2, 3, 4].map((q) => {
    const r = computePeriodResults(scheme, `2025Q${q}`, { units, scores, events }, { breakdown: false });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.results;
  });
}

describe('annual result', () => {
  it('weights the rounded quarter finals, rounds half up once more, ranks and grades', () => {
    const r = computeAnnualResults(
      scheme,
      units,
      quarters({
        U1: ['80.01', '90', '85.555', '70.33'], // 85.555 → 85.56; 16.002 + 18 + 17.112 + 28.132 = 79.246 → 79.25
        U2: ['100', '100', '100', '100'],
        U3: ['90', '90', '90', '90.025'], // 90.025 → 90.03; 18 + 18 + 18 + 36.012 = 90.012 → 90.01
        U4: ['79.99', '80', '80', '80.005'], // 80.005 → 80.01; 15.998 + 16 + 16 + 32.004 = 80.002 → 80.00
        U5: ['60', '60', '60', '60.005'], // 60.005 → 60.01; 12 + 12 + 12 + 24.004 = 60.004 → 60.00
      }),
    );
    const rows = r.groups[0]?.rows ?? [];
    expect(rows.map((x) => [x.unit, x.final, x.rank, x.grade])).toEqual([
      ['U2', 100, 1, '优秀'],
      ['U3', 90.01, 2, '优秀'],
      ['U4', 80, 3, '良好'],
      ['U1', 79.25, 4, '合格'],
      ['U5', 60, 5, '合格'],
    ]);
    expect(rows.find((x) => x.unit === 'U1')?.weightedSum).toBe(79.246);
    expect(rows.find((x) => x.unit === 'U1')?.periods.map((p) => p.final)).toEqual([80.01, 90, 85.56, 70.33]);
  });

  it('rounds the weighted sum half up (80.005 → 80.01)', () => {
    const s = compileOrThrow(manualScheme({ annual: { periods: { Q1: 0.5, Q2: 0.5 } } }));
    const rs = [1, 2].map((q) => {
      const r = computePeriodResults(s, `2025Q${q}`, {
        units: [makeUnit('U1')],
        scores: makeScores('U1', `2025Q${q}`, { '1.1': q === 1 ? '80.01' : '80' }),
      });
      if (!r.ok) throw new Error('bad');
      return r.results;
    });
    expect(computeAnnualResults(s, [makeUnit('U1')], rs).groups[0]?.rows[0]?.final).toBe(80.01);
  });

  it('leaves a unit missing a listed quarter unscored, with a reason', () => {
    const r = computeAnnualResults(scheme, units, quarters({ U1: ['90', '90', null, '90'], U2: ['80', '80', '80', '80'] }));
    const u1 = r.groups[0]?.rows.find((x) => x.unit === 'U1');
    expect(u1).toMatchObject({
      final: null,
      rank: null,
      grade: null,
      unscoredReason: '缺少 2025Q3 的考核结果',
      complete: false,
      missing: ['2025Q3'],
    });
    expect(r.groups[0]?.rows.find((x) => x.unit === 'U2')).toMatchObject({ final: 80, rank: 1 });
  });

  it('fails the year when any quarter has a fail veto; cap vetoes stay in their quarter', () => {
    const all = { U1: ['95', '95', '95', '95'], U2: ['95', '95', '95', '95'], U3: ['70', '70', '70', '70'] };
    const r = computeAnnualResults(
      scheme,
      units.slice(0, 3),
      quarters(all, [
        { unit: 'U1', period: '2025Q2', code: 'V1' },
        { unit: 'U2', period: '2025Q1', code: 'V2' },
      ]),
    );
    const rows = r.groups[0]?.rows ?? [];
    // U2: 0.2 × 59 (capped Q1) + 0.2 × 95 + 0.2 × 95 + 0.4 × 95 = 11.8 + 19 + 19 + 38 = 87.8
    expect(rows.map((x) => [x.unit, x.final, x.rank, x.grade, x.vetoes])).toEqual([
      ['U2', 87.8, 1, '良好', ['V2']],
      ['U3', 70, 2, '合格', []],
      ['U1', 95, null, '不合格', ['V1']],
    ]);
  });

  it('prints in the §5 shape', () => {
    const r = computeAnnualResults(scheme, units.slice(0, 1), quarters({ U1: ['90', '90', '90', '90'] }));
    expect(toAnnualScoreReport(r).groups[0]?.rows[0]).toEqual({
      unit: 'U1',
      name: '单位U1',
      base: 90,
      applicableMax: 100,
      major: 0,
      bonus: 0,
      vetoes: [],
      final: 90,
      rank: 1,
      rankDelta: null,
      grade: '良好',
      complete: true,
      missing: [],
    });
  });
});
