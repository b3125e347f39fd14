// Two small groups whose what-if, stability and explanation figures are worked out by hand
// in the tests. Test-only.
import type { SchemeInput } from '@kaoping/contracts/scoring/scheme';
import type { CompiledScheme } from '../../src/scoring/compile-scheme';
import { buildScheme, compileOrThrow, makeScores, makeUnit } from '../../src/scoring/scoring-fixtures';
import type { ScoringInputs } from '../../src/scoring/scoring-inputs';
import { prepareAnalysisGroup, type AnalysisGroup } from '../../src/analysis/analysis-group';
import { computeOrThrow, PERIOD } from './analysis-test-cases';

function groupOf(scheme: CompiledScheme, inputs: ScoringInputs, code = 'A'): AnalysisGroup {
  const results = computeOrThrow(scheme, inputs);
  const group = results.groups.find((g) => g.code === code);
  if (group === undefined) throw new Error(`no group ${code}`);
  return prepareAnalysisGroup(scheme, group);
}

/** A simple two-indicator scheme with one manual leaf each. */
function twoIndicatorScheme(p1: number, p2: number, extra: Partial<SchemeInput> = {}) {
  return compileOrThrow(
    buildScheme({
      indicators: [
        {
          code: '1',
          name: '主动公开',
          points: p1,
          children: [{ code: '1.1', name: '主动公开评分', points: p1, rule: { kind: 'manual' } }],
        },
        {
          code: '2',
          name: '依申请公开',
          points: p2,
          children: [{ code: '2.1', name: '依申请公开评分', points: p2, rule: { kind: 'manual' } }],
        },
      ],
      ...extra,
    }),
  );
}

/**
 * 1 (60 points) and 2 (40 points), no events:
 *   U1: 54 + 20 = 74 → rank 3, 合格
 *   U2: 42 + 36 = 78 → rank 1, 合格
 *   U3: 48 + 28 = 76 → rank 2, 合格
 */
export function plainGroup(): AnalysisGroup {
  const scheme = twoIndicatorScheme(60, 40);
  return groupOf(scheme, {
    units: [makeUnit('U1'), makeUnit('U2'), makeUnit('U3')],
    scores: [
      ...makeScores('U1', PERIOD, { '1.1': '54', '2.1': '20' }),
      ...makeScores('U2', PERIOD, { '1.1': '42', '2.1': '36' }),
      ...makeScores('U3', PERIOD, { '1.1': '48', '2.1': '28' }),
    ],
  });
}

/**
 * 1 (50) and 2 (50); bonus gate 80, cap 3, J = 2 points; major Z = 5; cap veto V → 60;
 * fail veto F:
 *   A: 45 + 40 = 85, two J (4, capped to 3), 85 ≥ 80 → 88    rank 1 良好
 *   B: 50 + 35 = 85, Z: 85 − 5 = 80, one J, 80 ≥ 80 → 82   rank 2 良好
 *   C: 40 + 49 = 89, V: capped to 60                        rank 3 合格
 *   D: 30 + 30 = 60, F: vetoed                               no rank, 不合格
 */
export function eventsGroup(): AnalysisGroup {
  const scheme = twoIndicatorScheme(50, 50, {
    bonus: { gate: 80, cap: 3, items: [{ code: 'J', name: '经验推广', points: 2 }] },
    majorDeductions: [{ code: 'Z', name: '通报批评', points: 5 }],
    vetoes: [
      { code: 'V', name: '首页长期未更新', effect: 'cap', capTo: 60 },
      { code: 'F', name: '泄密', effect: 'fail' },
    ],
  });
  return groupOf(scheme, {
    units: ['A', 'B', 'C', 'D'].map((u) => makeUnit(u)),
    scores: [
      ...makeScores('A', PERIOD, { '1.1': '45', '2.1': '40' }),
      ...makeScores('B', PERIOD, { '1.1': '50', '2.1': '35' }),
      ...makeScores('C', PERIOD, { '1.1': '40', '2.1': '49' }),
      ...makeScores('D', PERIOD, { '1.1': '30', '2.1': '30' }),
    ],
    events: [
      { unit: 'A', period: PERIOD, code: 'J' },
      { unit: 'A', period: PERIOD, code: 'J' },
      { unit: 'B', period: PERIOD, code: 'Z' },
      { unit: 'B', period: PERIOD, code: 'J' },
      { unit: 'C', period: PERIOD, code: 'V' },
      { unit: 'D', period: PERIOD, code: 'F' },
    ],
  });
}

/**
 * 1 (60), 2 (30) and 3 (10, group A only, excluded for B): B's maximum is 90.
 *   B1: 50 + 20 = 70 of 90 → 77.777… → 77.78
 *   B2: 60 + 21 = 81 of 90 → 90
 *   B3: 1.1 = 8.001 of 60, 2.1 = 8 of 30: 16.001 / 90 × 100 = 17.7788… → 17.78
 */
export function excludedGroup(): AnalysisGroup {
  const scheme = compileOrThrow(
    buildScheme({
      indicators: [
        { code: '1', name: '主动公开', points: 60, children: [{ code: '1.1', name: '评分', points: 60, rule: { kind: 'manual' } }] },
        { code: '2', name: '依申请公开', points: 30, children: [{ code: '2.1', name: '评分', points: 30, rule: { kind: 'manual' } }] },
        {
          code: '3',
          name: '重点领域',
          points: 10,
          appliesTo: { groups: ['A'] },
          children: [{ code: '3.1', name: '评分', points: 10, rule: { kind: 'manual' } }],
        },
      ],
    }),
  );
  return groupOf(
    scheme,
    {
      units: [makeUnit('B1', 'B'), makeUnit('B2', 'B'), makeUnit('B3', 'B')],
      scores: [
        ...makeScores('B1', PERIOD, { '1.1': '50', '2.1': '20' }),
        ...makeScores('B2', PERIOD, { '1.1': '60', '2.1': '21' }),
        ...makeScores('B3', PERIOD, { '1.1': '8.001', '2.1': '8' }),
      ],
    },
    'B',
  );
}

/**
 * 1 (10) and 2 (10): U earns 8.001 + 8 = 16.001 of 20 → 80.005 exactly, which rounds half
 * up to 80.01, while 16.001 × 100 / 20 in float64 is 80.00499999999999… (rounds to 80.00).
 * V earns 8 + 8 = 16 → 80.
 */
export function halfHundredthGroup(): AnalysisGroup {
  const scheme = twoIndicatorScheme(10, 10);
  return groupOf(scheme, {
    units: [makeUnit('U'), makeUnit('V')],
    scores: [...makeScores('U', PERIOD, { '1.1': '8.001', '2.1': '8' }), ...makeScores('V', PERIOD, { '1.1': '8', '2.1': '8' })],
  });
}

/**
 * 1 (50) and 2 (50). X earns all of 1 and nothing of 2, Y nearly all of 2 and nothing of
 * 1, so their order depends only on the weights; Z is in between; W earns nothing.
 *   X 50 + 0 = 50 → rank 1;  Y 0 + 49.9 = 49.9 → rank 2;  Z 24 + 25 = 49 → rank 3;  W 0 → rank 4.
 * With points w and 100 − w (renormalised): X = w, Y = 0.998 (100 − w), Z = 50 − 0.02 w.
 */
export function splitGroup(): AnalysisGroup {
  const scheme = twoIndicatorScheme(50, 50);
  return groupOf(scheme, {
    units: ['X', 'Y', 'Z', 'W'].map((u) => makeUnit(u)),
    scores: [
      ...makeScores('X', PERIOD, { '1.1': '50', '2.1': '0' }),
      ...makeScores('Y', PERIOD, { '1.1': '0', '2.1': '49.9' }),
      ...makeScores('Z', PERIOD, { '1.1': '24', '2.1': '25' }),
      ...makeScores('W', PERIOD, { '1.1': '0', '2.1': '0' }),
    ],
  });
}
