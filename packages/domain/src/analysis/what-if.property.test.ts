// What-if against the scoring engine itself, on random schemes and units (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@kaoping/contracts/scoring/scheme';
import { rankWithinGroup } from '../scoring/rank-within-group';
import { buildScheme, compileOrThrow, makeUnit } from '../scoring/scoring-fixtures';
import type { EventInput, ScoreInput } from '../scoring/scoring-inputs';
import { prepareAnalysisGroup } from './analysis-group';
import { computeOrThrow, milliText, PERIOD, randomCaseArb, runCase } from '../../test/analysis/analysis-test-cases';
import { computeExactScenarioFinal, computeScenarioFinals, createRankOrder, NO_FINAL, rankScenarioFinals } from './score-scenario';
import { computeWhatIf } from './what-if';

describe('what-if (properties)', () => {
  it('with unchanged points reproduces every official final, rank and grade exactly', () => {
    fc.assert(
      fc.property(randomCaseArb, (c) => {
        const { results, groups } = runCase(c);
        results.groups.forEach((official, g) => {
          const group = groups[g];
          if (group === undefined) throw new Error('no group');
          const whatIf = computeWhatIf(group, {});
          expect(whatIf.rows.map((r) => [r.unit, r.scenario.final, r.scenario.rank, r.scenario.grade, r.scenario.isQuotaDemoted])).toEqual(
            official.rows.map((r) => [r.unit, r.final, r.rank, r.grade, r.isQuotaDemoted]),
          );
          expect(whatIf.changedCount).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  // Each level-1 indicator has one manual leaf and each unit earns a quarter multiple of
  // its points, so the engine can score the reweighted scheme exactly from inputs: the
  // what-if of the official group must equal the engine's result on the new scheme.
  const reweightArb = fc.integer({ min: 1, max: 4 }).chain((k) =>
    fc.record({
      points: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: k, maxLength: k }),
      newPoints: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: k, maxLength: k }),
      onlyA: fc.array(fc.boolean(), { minLength: k, maxLength: k }),
      quota: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 60 })),
      units: fc.array(
        fc.record({
          group: fc.constantFrom('A', 'B'),
          quarters: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: k, maxLength: k }),
          bonus: fc.integer({ min: 0, max: 3 }),
          major: fc.boolean(),
          cap: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
          fail: fc.integer({ min: 0, max: 6 }).map((x) => x === 0),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
  );

  it('with new points equals the engine on the reweighted scheme', () => {
    fc.assert(
      fc.property(reweightArb, (c) => {
        const schemeWith = (points: number[]) =>
          compileOrThrow(
            buildScheme({
              indicators: points.map((p, i): IndicatorNode => ({
                code: String(i + 1),
                name: `指标${i + 1}`,
                points: p,
                ...(c.onlyA[i] === true ? { appliesTo: { groups: ['A'] } } : {}),
                children: [{ code: `${i + 1}.1`, name: `叶${i + 1}`, points: p, rule: { kind: 'manual' } }],
              })),
              bonus: { gate: 75.5, cap: 2.5, items: [{ code: 'J', name: '加分', points: 1.125 }] },
              majorDeductions: [{ code: 'Z', name: '扣分', points: 3.333 }],
              vetoes: [
                { code: 'V', name: '封顶', effect: 'cap', capTo: 59.995 },
                { code: 'F', name: '否决', effect: 'fail' },
              ],
              grading: {
                bands: [
                  { grade: '优秀', min: 90 },
                  { grade: '良好', min: 75.5 },
                  { grade: '不合格', min: 0 },
                ],
                ...(c.quota !== null ? { quota: { grade: '优秀', maxPct: c.quota } } : {}),
              },
            }),
          );
        const inputsWith = (points: number[]) => {
          const scores: ScoreInput[] = [];
          const events: EventInput[] = [];
          c.units.forEach((u, k) => {
            points.forEach((p, i) => {
              if (u.group === 'B' && c.onlyA[i] === true) return;
              scores.push({ unit: `U${k}`, period: PERIOD, indicator: `${i + 1}.1`, value: milliText(p * 250 * (u.quarters[i] ?? 0)) });
            });
            for (let j = 0; j < u.bonus; j++) events.push({ unit: `U${k}`, period: PERIOD, code: 'J' });
            if (u.major) events.push({ unit: `U${k}`, period: PERIOD, code: 'Z' });
            if (u.cap) events.push({ unit: `U${k}`, period: PERIOD, code: 'V' });
            if (u.fail) events.push({ unit: `U${k}`, period: PERIOD, code: 'F' });
          });
          return { units: c.units.map((u, k) => makeUnit(`U${k}`, u.group)), scores, events };
        };
        const officialScheme = schemeWith(c.points);
        const official = computeOrThrow(officialScheme, inputsWith(c.points));
        const expected = computeOrThrow(schemeWith(c.newPoints), inputsWith(c.newPoints));
        const scenario = Object.fromEntries(c.newPoints.map((p, i) => [String(i + 1), p]));
        official.groups.forEach((g, gi) => {
          const whatIf = computeWhatIf(prepareAnalysisGroup(officialScheme, g), scenario);
          const want = new Map((expected.groups[gi]?.rows ?? []).map((r) => [r.unit, [r.final, r.rank, r.grade]]));
          for (const row of whatIf.rows)
            expect([row.unit, row.scenario.final, row.scenario.rank, row.scenario.grade]).toEqual([
              row.unit,
              ...(want.get(row.unit) ?? []),
            ]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the float fast path always equals the exact bigint computation', () => {
    const pointsArb = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 60 }).map((x) => x * 1000),
        fc.integer({ min: 0, max: 8 }).map((x) => x * 125),
      ),
      {
        minLength: 5,
        maxLength: 5,
      },
    );
    let exactCount = 0;
    fc.assert(
      fc.property(randomCaseArb, pointsArb, (c, raw) => {
        for (const group of runCase(c).groups) {
          const points = raw.slice(0, group.indicators.length).map((p, i) => ((group.indicators[i]?.points ?? 0) > 0 ? p : 0));
          const finals = new Int32Array(group.units.length);
          exactCount += computeScenarioFinals(group, points, finals);
          group.units.forEach((_, u) => expect(finals[u]).toBe(computeExactScenarioFinal(group, points, u)));
        }
      }),
      { numRuns: 300 },
    );
    // the generators hit exact half-hundredths and gate/cap edges now and then
    expect(exactCount).toBeGreaterThan(0);
  });

  it('ranks like the engine’s rankWithinGroup, reusing the order between calls', () => {
    const finalsArb = fc.array(
      fc.record({
        final: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 12_000 })),
        fail: fc.integer({ min: 0, max: 8 }).map((x) => x === 0),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(fc.array(finalsArb, { minLength: 1, maxLength: 4 }), (rounds) => {
        const n = rounds[0]?.length ?? 0;
        const order = createRankOrder(n);
        for (const round of rounds) {
          const entries = Array.from({ length: n }, (_, u) => round[u % round.length] ?? { final: null, fail: false });
          const finals = Int32Array.from(entries, (e) => e.final ?? NO_FINAL);
          const veto = Uint8Array.from(entries, (e) => (e.fail ? 1 : 0));
          const ranks = new Int32Array(n);
          rankScenarioFinals(finals, veto, ranks, order);
          const expected = rankWithinGroup(entries.map((e) => ({ finalHundredths: e.final, isVetoFail: e.fail })));
          expect([...ranks].map((r) => (r === 0 ? null : r))).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});
