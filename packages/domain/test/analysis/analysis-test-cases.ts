// Random schemes and units for the analysis property tests (fast-check), computed by the
// real scoring engine, so the analysis is checked against official results rather than
// against a copy of its own arithmetic. Test-only.
import fc from 'fast-check';
import type { IndicatorNode, SchemeInput } from '@kaoping/contracts/scoring/scheme';
import type { CompiledScheme } from '../../src/scoring/compile-scheme';
import { formatMilli, milliToNumber } from '../../src/scoring/decimal';
import { computePeriodResults } from '../../src/scoring/compute-period';
import { buildScheme, compileOrThrow, makeUnit } from '../../src/scoring/scoring-fixtures';
import type { EventInput, FindingInput, ScoreInput, ScoringInputs } from '../../src/scoring/scoring-inputs';
import type { PeriodResults } from '../../src/scoring/scoring-result';
import { prepareAnalysisGroup, type AnalysisGroup } from '../../src/analysis/analysis-group';

export const PERIOD = '2025Q3';

/** Decimal text of thousandths n. */
export const milliText = formatMilli;

interface LeafCase {
  points: number; // thousandths
  onlyA: boolean;
  naRate: number | null; // thousandths of 1, for a leaf that does not apply
}
interface IndicatorCase {
  leaves: LeafCase[];
  pooled: boolean;
}
interface UnitCase {
  group: 'A' | 'B';
  values: number[][]; // per mille of each leaf's points
  missing: boolean; // drops the first leaf's input
  findings: number; // on the pooled deduct leaf of the first pooled indicator
  bonus: [number, number];
  major: number;
  cap: boolean;
  fail: boolean;
}
export interface RandomCase {
  indicators: IndicatorCase[];
  units: UnitCase[];
  quotaPct: number | null;
}

const leafArb: fc.Arbitrary<LeafCase> = fc.record({
  points: fc.oneof(
    fc.integer({ min: 1, max: 30 }).map((p) => p * 1000),
    fc.integer({ min: 1, max: 30_000 }),
  ),
  onlyA: fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
  naRate: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 })),
});

/** Schemes with 1–5 level-1 indicators of 1–3 leaves and groups of 1–14 units. */
export const randomCaseArb: fc.Arbitrary<RandomCase> = fc
  .array(fc.record({ leaves: fc.array(leafArb, { minLength: 1, maxLength: 3 }), pooled: fc.boolean() }), { minLength: 1, maxLength: 5 })
  .chain((indicators) =>
    fc.record({
      indicators: fc.constant(indicators),
      units: fc.array(
        fc.record({
          group: fc.constantFrom<'A' | 'B'>('A', 'A', 'B'),
          values: fc.tuple(
            ...indicators.map((ind) =>
              fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 250, 500, 1000)), {
                minLength: ind.leaves.length,
                maxLength: ind.leaves.length,
              }),
            ),
          ),
          missing: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
          findings: fc.integer({ min: 0, max: 4 }),
          bonus: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 })),
          major: fc.integer({ min: 0, max: 3 }).map((x) => (x === 3 ? 1 : 0)),
          cap: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
          fail: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
        }),
        { minLength: 1, maxLength: 14 },
      ),
      quotaPct: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 60 })),
    }),
  );

export function schemeOfCase(c: RandomCase): SchemeInput {
  const indicators: IndicatorNode[] = c.indicators.map((ind, i) => {
    const children: IndicatorNode[] = ind.leaves.map((leaf, j) => ({
      code: `${i + 1}.${j + 1}`,
      name: `叶${i + 1}.${j + 1}`,
      points: milliToNumber(leaf.points),
      rule: { kind: 'manual' as const },
      ...(leaf.onlyA ? { appliesTo: { groups: ['A'] } } : {}),
      ...(leaf.naRate !== null ? { na: { rate: milliToNumber(leaf.naRate) } } : {}),
    }));
    if (ind.pooled) children.push({ code: `${i + 1}.d`, name: `扣分${i + 1}`, points: 2, rule: { kind: 'deduct', perFinding: 1.5 } });
    const total = children.reduce((s, ch) => s + Math.round(ch.points * 1000), 0);
    return {
      code: String(i + 1),
      name: `指标${i + 1}`,
      points: milliToNumber(total),
      children,
      ...(ind.pooled ? { pooledDeductions: true } : {}),
    };
  });
  return buildScheme({
    indicators,
    bonus: {
      gate: 75.5,
      cap: 4,
      items: [
        { code: 'J1', name: '加分一', points: 1.125 },
        { code: 'J2', name: '加分二', points: 2 },
      ],
    },
    majorDeductions: [{ code: 'Z', name: '通报批评', points: 3.333 }],
    vetoes: [
      { code: 'V', name: '封顶', effect: 'cap', capTo: 59.995 },
      { code: 'F', name: '否决', effect: 'fail' },
    ],
    grading: {
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 75.5 },
        { grade: '合格', min: 60 },
        { grade: '不合格', min: 0 },
      ],
      ...(c.quotaPct !== null ? { quota: { grade: '优秀', maxPct: c.quotaPct } } : {}),
    },
  });
}

export function inputsOfCase(c: RandomCase): ScoringInputs {
  const scores: ScoreInput[] = [];
  const findings: FindingInput[] = [];
  const events: EventInput[] = [];
  const pooledIndex = c.indicators.findIndex((ind) => ind.pooled);
  c.units.forEach((u, k) => {
    const unit = `U${String(k).padStart(2, '0')}`;
    c.indicators.forEach((ind, i) => {
      ind.leaves.forEach((leaf, j) => {
        if (u.group === 'B' && leaf.onlyA) return;
        if (u.missing && i === 0 && j === 0) return;
        const v = u.values[i]?.[j] ?? 0;
        scores.push({ unit, period: PERIOD, indicator: `${i + 1}.${j + 1}`, value: milliText(Math.floor((leaf.points * v) / 1000)) });
      });
    });
    if (pooledIndex >= 0 && u.findings > 0)
      findings.push({ unit, period: PERIOD, indicator: `${pooledIndex + 1}.d`, count: u.findings, deduction: null });
    for (let j = 0; j < u.bonus[0]; j++) events.push({ unit, period: PERIOD, code: 'J1' });
    for (let j = 0; j < u.bonus[1]; j++) events.push({ unit, period: PERIOD, code: 'J2' });
    for (let j = 0; j < u.major; j++) events.push({ unit, period: PERIOD, code: 'Z' });
    if (u.cap) events.push({ unit, period: PERIOD, code: 'V' });
    if (u.fail) events.push({ unit, period: PERIOD, code: 'F' });
  });
  return { units: c.units.map((u, k) => makeUnit(`U${String(k).padStart(2, '0')}`, u.group)), scores, findings, events };
}

export function computeOrThrow(scheme: CompiledScheme, inputs: ScoringInputs): PeriodResults {
  const result = computePeriodResults(scheme, PERIOD, inputs);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.results;
}

/** Engine results and the prepared analysis groups (one per scheme group). */
export function runCase(c: RandomCase): { scheme: CompiledScheme; results: PeriodResults; groups: AnalysisGroup[] } {
  const scheme = compileOrThrow(schemeOfCase(c));
  const results = computeOrThrow(scheme, inputsOfCase(c));
  return { scheme, results, groups: results.groups.map((g) => prepareAnalysisGroup(scheme, g)) };
}
