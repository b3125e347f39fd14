// Properties of the whole period computation, checked on random schemes and inputs
// against a small, independent bigint reference for the arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SchemeInput } from '@kaoping/contracts/scoring/scheme';
import { computePeriodResults } from './compute-period';
import { formatMilli as milliText, milliToNumber } from './decimal';
import { buildScheme, compileOrThrow, makeUnit } from './scoring-fixtures';
import type { EventInput, ScoreInput, ScoringInputs } from './scoring-inputs';
import type { PeriodResults } from './scoring-result';

const Q = '2025Q3';

interface Case {
  leafPoints: number[]; // thousandths
  excludedForB: boolean[]; // appliesTo A only
  units: { group: 'A' | 'B'; values: number[]; bonus: number; major: number; cap: boolean }[]; // values as fractions (per mille) of each leaf's points
}

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    leafPoints: fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: n, maxLength: n }),
    excludedForB: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    units: fc.array(
      fc.record({
        group: fc.constantFrom<'A' | 'B'>('A', 'B'),
        values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n }),
        bonus: fc.integer({ min: 0, max: 3 }),
        major: fc.integer({ min: 0, max: 2 }),
        cap: fc.integer({ min: 0, max: 5 }).map((k) => k === 0),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  }),
);

function schemeOf(c: Case): SchemeInput {
  const total = c.leafPoints.reduce((a, b) => a + b, 0);
  return buildScheme({
    indicators: [
      {
        code: '1',
        name: '一',
        points: milliToNumber(total),
        children: c.leafPoints.map((p, i) => ({
          code: `1.${i + 1}`,
          name: `叶${i + 1}`,
          points: milliToNumber(p),
          rule: { kind: 'manual' as const },
          ...(c.excludedForB[i] ? { appliesTo: { groups: ['A'] } } : {}),
        })),
      },
    ],
    bonus: { gate: 60, cap: 2.5, items: [{ code: 'J', name: '加分', points: 1.125 }] },
    majorDeductions: [{ code: 'Z', name: '扣分', points: 3.333 }],
    vetoes: [{ code: 'V', name: '封顶', effect: 'cap', capTo: 59.995 }],
    grading: {
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 75.5 },
        { grade: '不合格', min: 0 },
      ],
      quota: { grade: '优秀', maxPct: 40 },
    },
  });
}

function inputsOf(c: Case, rename: (code: string) => string = (x) => x): ScoringInputs {
  const scores: ScoreInput[] = [];
  const events: EventInput[] = [];
  c.units.forEach((u, k) => {
    const code = rename(`U${k}`);
    u.values.forEach((v, i) => {
      if (u.group === 'B' && c.excludedForB[i]) return;
      const earned = Math.floor(((c.leafPoints[i] ?? 0) * v) / 1000);
      scores.push({ unit: code, period: Q, indicator: `1.${i + 1}`, value: milliText(earned) });
    });
    for (let j = 0; j < u.bonus; j++) events.push({ unit: code, period: Q, code: 'J' });
    for (let j = 0; j < u.major; j++) events.push({ unit: code, period: Q, code: 'Z' });
    if (u.cap) events.push({ unit: code, period: Q, code: 'V' });
  });
  return { units: c.units.map((u, k) => makeUnit(rename(`U${k}`), u.group)), scores, events };
}

/** Reference: exact rational in bigint, rounded half up once. Returns hundredths or null. */
function referenceFinal(c: Case, k: number): number | null {
  const u = c.units[k];
  if (!u) return null;
  let base = 0n;
  let max = 0n;
  u.values.forEach((v, i) => {
    if (u.group === 'B' && c.excludedForB[i]) return;
    const p = BigInt(c.leafPoints[i] ?? 0);
    max += p;
    base += BigInt(Math.floor(((c.leafPoints[i] ?? 0) * v) / 1000));
  });
  if (max === 0n) return null;
  let net = base - BigInt(u.major) * 3333n;
  if (net < 0n) net = 0n;
  // value = net / max × 100 (+ bonus) in thousandths: num / den
  let num = net * 100n * 1000n; // value in thousandths = num / den
  let den = max;
  if (num * 1n >= 60_000n * den && u.bonus > 0) {
    const bonus = BigInt(Math.min(u.bonus * 1125, 2500));
    num += bonus * den;
  }
  if (u.cap && num > 59_995n * den) {
    num = 59_995n;
    den = 1n;
  }
  // hundredths, half up: floor(num / den / 10 + 1/2)
  return Number((2n * num + 10n * den) / (20n * den));
}

function run(c: Case, inputs: ScoringInputs): PeriodResults {
  const result = computePeriodResults(compileOrThrow(schemeOf(c)), Q, inputs, { breakdown: false });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.results;
}

const byUnit = (r: PeriodResults) => new Map(r.groups.flatMap((g) => g.rows).map((row) => [row.unit, row]));

describe('period computation (properties)', () => {
  it('matches the exact bigint reference, and every final has at most 2 places', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const rows = byUnit(run(c, inputsOf(c)));
        c.units.forEach((_, k) => {
          const row = rows.get(`U${k}`);
          const expected = referenceFinal(c, k);
          expect(row?.final === null || row?.final === undefined ? null : Math.round(row.final * 100)).toBe(expected);
          if (row?.final != null)
            expect(Number.isInteger(Math.round(row.final * 100)) && Math.abs(row.final * 100 - Math.round(row.final * 100)) < 1e-6).toBe(
              true,
            );
          if (row?.final != null) expect(String(row.final)).toMatch(/^\d+(\.\d{1,2})?$/);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the input rows (property)', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (c, seed) => {
        const inputs = inputsOf(c);
        const shuffle = <T>(xs: readonly T[]) => {
          const copy = [...xs];
          let s = seed;
          for (let i = copy.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
          }
          return copy;
        };
        const a = run(c, inputs);
        const b = run(c, { units: shuffle(inputs.units), scores: shuffle(inputs.scores), events: shuffle(inputs.events ?? []) });
        // event row indexes move with the shuffle; everything else must be identical
        const strip = (r: PeriodResults) =>
          r.groups.map((g) =>
            g.rows.map(({ events, ...row }) => ({ ...row, events: events.vetoes.length + events.bonus.length + events.major.length })),
          );
        expect(strip(b)).toEqual(strip(a));
      }),
      { numRuns: 100 },
    );
  });

  it('renaming units changes nothing but the names (property)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = byUnit(run(c, inputsOf(c)));
        const b = byUnit(
          run(
            c,
            inputsOf(c, (code) => `X-${code.split('').reverse().join('')}`),
          ),
        );
        for (const [code, row] of a) {
          const other = b.get(`X-${code.split('').reverse().join('')}`);
          expect({ ...other, unit: row.unit, name: row.name }).toEqual(row);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('raising one unit’s score never lowers its rank (property)', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const k = pick % c.units.length;
        const before = byUnit(run(c, inputsOf(c))).get(`U${k}`);
        const raised: Case = { ...c, units: c.units.map((u, i) => (i === k ? { ...u, values: u.values.map(() => 1000) } : u)) };
        const after = byUnit(run(raised, inputsOf(raised))).get(`U${k}`);
        if (before?.rank != null && after?.rank != null) expect(after.rank).toBeLessThanOrEqual(before.rank);
      }),
      { numRuns: 100 },
    );
  });

  it('never gives the quota grade to more than floor(40% × ranked) per group (property)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const g of run(c, inputsOf(c)).groups) {
          const ranked = g.rows.filter((r) => r.rank !== null).length;
          expect(g.rows.filter((r) => r.grade === '优秀').length).toBeLessThanOrEqual(Math.floor((40 * ranked) / 100));
        }
      }),
      { numRuns: 100 },
    );
  });
});
