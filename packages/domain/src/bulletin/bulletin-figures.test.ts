// The bulletin's figures assembled from results the engine computes on a small hand-made period:
// two groups, a fail veto and a cap veto, a major deduction, findings on two level-1 indicators
// and one unit that moved up. Every expectation below is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { computePeriodResults } from '../scoring/compute-period';
import { buildScheme, compileOrThrow, makeScores, makeUnit } from '../scoring/scoring-fixtures';
import type { FindingInput } from '../scoring/scoring-inputs';
import type { PeriodResults } from '../scoring/scoring-result';
import { assembleBulletinFigures, improvedStep, type AssemblyContext } from './bulletin-figures';

const Q = '2025Q3';
const scheme = compileOrThrow(
  buildScheme({
    indicators: [
      {
        code: '1',
        name: '主动公开',
        points: 60,
        children: [
          { code: '1.1', name: '栏目建设', points: 40, rule: { kind: 'manual' } },
          { code: '1.2', name: '链接可用', points: 20, rule: { kind: 'deduct', perFinding: 5 } },
        ],
      },
      {
        code: '2',
        name: '依申请公开',
        points: 40,
        children: [
          { code: '2.1', name: '答复期限', points: 20, rule: { kind: 'deduct', perFinding: 10 } },
          { code: '2.2', name: '答复规范', points: 20, rule: { kind: 'manual' } },
        ],
      },
    ],
    vetoes: [
      { code: 'V1', name: '泄露隐私', effect: 'fail' },
      { code: 'V2', name: '首页长期不更新', effect: 'cap', capTo: 59 },
    ],
    majorDeductions: [{ code: 'Z1', name: '通报批评', points: 10 }],
  }),
);

const manual: Record<string, [string, string]> = {
  U1: ['40', '20'], // 100 优秀, first of A
  U2: ['38', '20'], // 38 + (20 − 2×5) + 20 + 20 = 88 良好
  U3: ['30', '15'], // 30 + 20 + (20 − 10) + 15 = 75 合格, was 5th: up 2
  U4: ['40', '20'], // 100 capped to 59 by V2: below (veto)
  U5: ['20', '10'], // 20 + (20 − min(25, 20)) + 20 + 10 = 50 不合格: below
  U6: ['40', '18'], // 98 优秀, first of B
  U7: ['36', '16'], // 92 − 10 (Z1) = 82 良好
  U8: ['35', '15'], // 90, failed by V1: below (veto), unranked
};
const finding = (unit: string, indicator: string, count: number, description: string): FindingInput => ({
  unit,
  period: Q,
  indicator,
  count,
  deduction: null,
  description,
  url: `http://example.gov.cn/${unit}`,
});
const findings = [
  finding('U2', '1.2', 2, '链接打不开'),
  finding('U3', '2.1', 1, '超期答复'),
  finding('U5', '1.2', 5, '链接打不开'),
  finding('U5', '1.2', 0, ''),
];
const events = [
  { unit: 'U4', period: Q, code: 'V2', note: '首页3个月未更新' },
  { unit: 'U7', period: Q, code: 'Z1', note: '' },
  { unit: 'U8', period: Q, code: 'V1', note: '公开身份证号' },
];

function results(): PeriodResults {
  const computed = computePeriodResults(
    scheme,
    Q,
    {
      units: Object.keys(manual).map((u) => makeUnit(u, ['U6', 'U7', 'U8'].includes(u) ? 'B' : 'A')),
      scores: Object.entries(manual).flatMap(([u, [a, b]]) => makeScores(u, Q, { '1.1': a, '2.2': b })),
      findings,
      events,
      rectifications: [],
    },
    { previousRanks: ['U1', 'U2', 'U4', 'U5', 'U3'].map((unit, i) => ({ unit, group: 'A', rank: i + 1 })) },
  );
  if (!computed.ok) throw new Error(JSON.stringify(computed.issues));
  return computed.results;
}

const context: AssemblyContext = {
  period: { code: Q, year: 2025, quarter: 3, startDate: '2025-07-01', endDate: '2025-09-30' },
  previousPeriod: null,
  round: { id: 1, title: '三季度测评', kind: 'office', status: 'published', publishedAt: null, publishedOn: null, publicationSequence: 1 },
  asOf: '2025-10-20',
  rectification: null,
  deadlines: { rectification: '2025-11-03', followUp: '2025-10-27', nextSnapshot: '2025-12-31' },
};

describe('assembleBulletinFigures', () => {
  const figures = assembleBulletinFigures(
    { scheme, results: results(), previousResults: null, findings, events, unitIds: new Map([['U1', 101]]) },
    context,
  );

  it('ranks each group with the pass line of the scheme', () => {
    expect(figures.scheme).toMatchObject({ passScore: 60, topGrade: '优秀', failGrade: '不合格' });
    expect(figures.groups.map((g) => g.rows.map((r) => [r.code, r.rank, r.final, r.grade]))).toEqual([
      [
        ['U1', 1, 100, '优秀'],
        ['U2', 2, 88, '良好'],
        ['U3', 3, 75, '合格'],
        ['U4', 4, 59, '不合格'],
        ['U5', 5, 50, '不合格'],
      ],
      [
        ['U6', 1, 98, '优秀'],
        ['U7', 2, 82, '良好'],
        ['U8', null, 90, '不合格'],
      ],
    ]);
    expect(figures.groups[0]?.rows[0]?.unitId).toBe(101);
    expect(figures.groups[0]?.rows.find((r) => r.code === 'U3')).toMatchObject({ previousRank: 5, rankDelta: 2 });
    expect(figures.groups[1]?.rows.find((r) => r.code === 'U8')?.vetoes).toEqual(['泄露隐私']);
  });

  it('counts passed units over scored ones, a veto failing the unit whatever its score', () => {
    // A: U4 and U5 fail → 3 of 5; B: U8 fails → 2 of 3; city: 5 of 8.
    expect(figures.groups.map((g) => [g.passed.numerator, g.passed.denominator])).toEqual([
      [3, 5],
      [2, 3],
    ]);
    expect(figures.overall).toMatchObject({
      units: 8,
      scored: 8,
      passed: { numerator: 5, denominator: 8, value: 0.625 },
      max: 100,
      min: 50,
      previous: null,
    });
    expect(figures.overall.average).toBe(80.25); // (100 + 88 + 75 + 59 + 50 + 98 + 82 + 90) / 8
    expect(figures.overall.gradeCounts).toEqual([
      { grade: '优秀', count: 2 },
      { grade: '良好', count: 2 },
      { grade: '合格', count: 1 },
      { grade: '不合格', count: 3 },
    ]);
  });

  it('names the firsts, the unit that moved up, and those below the pass line with why', () => {
    expect(improvedStep(5)).toBe(2);
    expect(figures.praised.map((m) => [m.code, m.reason])).toEqual([
      ['U1', 'first'],
      ['U6', 'first'],
    ]);
    expect(figures.improved.map((m) => [m.code, m.rankDelta])).toEqual([['U3', 2]]);
    expect(figures.belowPass.map((m) => [m.code, m.reason, m.groupName])).toEqual([
      ['U4', 'veto', '甲组'],
      ['U5', 'below', '甲组'],
      ['U8', 'veto', '乙组'],
    ]);
    expect(figures.vetoes.map((v) => [v.code, v.event, v.note])).toEqual([
      ['U4', 'V2', '首页3个月未更新'],
      ['U8', 'V1', '公开身份证号'],
    ]);
    expect(figures.majorDeductions.map((v) => [v.code, v.eventName])).toEqual([['U7', '通报批评']]);
  });

  it('groups problems by level-1 indicator, weighted by count, skipping empty findings', () => {
    expect(figures.scope).toMatchObject({ units: 8, scored: 8, findings: 4, problems: 8 });
    expect(figures.problems.map((c) => [c.code, c.problems, c.findings, c.units])).toEqual([
      ['1', 7, 2, 2],
      ['2', 1, 1, 1],
    ]);
    expect(figures.problems[0]?.indicators).toEqual([{ code: '1.2', name: '链接可用', problems: 7, units: 2 }]);
    // One example per description: the largest finding (U5's five) stands for both units.
    expect(figures.problems[0]?.examples).toEqual([
      { unit: 'U5', unitName: '单位U5', indicator: '1.2', indicatorName: '链接可用', description: '链接打不开', count: 5 },
    ]);
  });

  it('lists each unit with a problem in its annex, points capped at what the leaf can lose', () => {
    expect(
      figures.annexes.map((a) => [
        a.code,
        a.findings.map((f) => [f.indicator, f.count, f.points]),
        a.events.map((e) => [e.code, e.kind, e.points]),
      ]),
    ).toEqual([
      ['U2', [['1.2', 2, 10]], []],
      ['U3', [['2.1', 1, 10]], []],
      ['U4', [], [['V2', 'veto', 0]]],
      // 5 × 5 = 25 capped at the leaf's 20; the empty finding is the leaf's name, 0 points.
      [
        'U5',
        [
          ['1.2', 5, 20],
          ['1.2', 0, 0],
        ],
        [],
      ],
      ['U7', [], [['Z1', 'major', 10]]],
      ['U8', [], [['V1', 'veto', 0]]],
    ]);
    expect(figures.annexes[0]?.findings[0]).toMatchObject({ category: '主动公开', indicatorName: '链接可用', description: '链接打不开' });
  });

  it('keeps the context it was given', () => {
    expect(figures.deadlines).toEqual(context.deadlines);
    expect(figures.round).toEqual(context.round);
  });
});
