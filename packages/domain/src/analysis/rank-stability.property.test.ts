// Rank stability and leave-one-out on random schemes and units (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScheme, compileOrThrow, makeScores, makeUnit } from '../scoring/scoring-fixtures';
import { prepareAnalysisGroup } from './analysis-group';
import { computeOrThrow, PERIOD, randomCaseArb, runCase } from '../../test/analysis/analysis-test-cases';
import { apportionPoints, computeLeaveOneOut, computeRankStability } from './rank-stability';
import { computeWhatIf } from './what-if';

const optionsArb = fc.record({
  perturbation: fc.oneof(fc.constant(0.2), fc.double({ min: 0, max: 0.9, noNaN: true })),
  draws: fc.integer({ min: 1, max: 60 }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
});

describe('rank stability (properties)', () => {
  it('with zero perturbation every interval collapses to the official rank', () => {
    fc.assert(
      fc.property(randomCaseArb, fc.integer({ min: 1, max: 30 }), fc.nat(), (c, draws, seed) => {
        for (const group of runCase(c).groups) {
          const result = computeRankStability(group, { perturbation: 0, draws, seed });
          for (const u of result.units) {
            expect([u.bestRank, u.lowRank, u.medianRank, u.highRank, u.worstRank, u.keepShare]).toEqual([
              u.officialRank,
              u.officialRank,
              u.officialRank,
              u.officialRank,
              u.officialRank,
              1,
            ]);
          }
          for (const p of result.pairs) expect(p.flipShare).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('intervals contain the median, and lie within the best and worst ranks seen', () => {
    fc.assert(
      fc.property(randomCaseArb, optionsArb, (c, options) => {
        for (const group of runCase(c).groups) {
          const result = computeRankStability(group, options);
          const ranked = group.units.filter((u) => u.officialRank !== null).length;
          expect(result.units).toHaveLength(ranked);
          for (const u of result.units) {
            expect(u.bestRank).toBeGreaterThanOrEqual(1);
            expect(u.bestRank).toBeLessThanOrEqual(u.lowRank);
            expect(u.lowRank).toBeLessThanOrEqual(u.medianRank);
            expect(u.medianRank).toBeLessThanOrEqual(u.highRank);
            expect(u.highRank).toBeLessThanOrEqual(u.worstRank);
            expect(u.worstRank).toBeLessThanOrEqual(ranked);
            expect(u.keepShare).toBeGreaterThanOrEqual(0);
            expect(u.keepShare).toBeLessThanOrEqual(1);
          }
          expect(result.pairs).toHaveLength(Math.max(0, ranked - 1));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the same seed gives the same result', () => {
    fc.assert(
      fc.property(randomCaseArb, optionsArb, (c, options) => {
        for (const group of runCase(c).groups) expect(computeRankStability(group, options)).toEqual(computeRankStability(group, options));
      }),
      { numRuns: 60 },
    );
  });

  it('apportioned points sum to the total exactly and stay within one thousandth of the proportional share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 100, max: 1_000_000_000 }),
        (raw, total) => {
          const out = new Int32Array(raw.length);
          apportionPoints(raw, total, out);
          expect(out.reduce((s, x) => s + x, 0)).toBe(total);
          const sum = raw.reduce((s, x) => s + x, 0);
          raw.forEach((r, i) => {
            const share = (r * total) / sum;
            expect(Math.abs((out[i] ?? 0) - share)).toBeLessThan(Math.max(1.001, raw.length));
            expect(out[i]).toBeGreaterThanOrEqual(1);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('leave one indicator out (properties)', () => {
  // Whole points and whole earned points, no events: finals are whole-number ratios, so
  // distinct base scores never round to the same final and ranks follow the base scores.
  const equalArb = fc.integer({ min: 2, max: 5 }).chain((k) =>
    fc.record({
      points: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: k, maxLength: k }),
      equalIndicator: fc.integer({ min: 0, max: k - 1 }),
      equalShare: fc.integer({ min: 0, max: 4 }),
      earned: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: k, maxLength: k }), { minLength: 2, maxLength: 10 }),
    }),
  );

  it('removing an indicator on which all units are equal changes no rank', () => {
    fc.assert(
      fc.property(equalArb, (c) => {
        const scheme = compileOrThrow(
          buildScheme({
            indicators: c.points.map((p, i) => ({
              code: String(i + 1),
              name: `指标${i + 1}`,
              points: p * 4,
              children: [{ code: `${i + 1}.1`, name: `叶${i + 1}`, points: p * 4, rule: { kind: 'manual' as const } }],
            })),
          }),
        );
        const units = c.earned.map((_, u) => makeUnit(`U${u}`));
        const scores = c.earned.flatMap((row, u) =>
          makeScores(
            `U${u}`,
            PERIOD,
            Object.fromEntries(c.points.map((p, i) => [`${i + 1}.1`, String(p * (i === c.equalIndicator ? c.equalShare : (row[i] ?? 0)))])),
          ),
        );
        const results = computeOrThrow(scheme, { units, scores });
        const groupResult = results.groups[0];
        if (groupResult === undefined) throw new Error('no group');
        const result = computeLeaveOneOut(prepareAnalysisGroup(scheme, groupResult));
        const removed = result.indicators[c.equalIndicator];
        expect(removed?.changedCount).toBe(0);
        for (const u of result.units) expect(u.ranks[c.equalIndicator]).toBe(u.officialRank);
      }),
      { numRuns: 300 },
    );
  });

  it('each column equals what-if with that indicator at 0 points', () => {
    fc.assert(
      fc.property(randomCaseArb, (c) => {
        for (const group of runCase(c).groups) {
          const result = computeLeaveOneOut(group);
          group.indicators.forEach((indicator, i) => {
            const whatIf = computeWhatIf(group, { [indicator.code]: 0 });
            expect(result.units.map((u) => [u.ranks[i], u.finals[i]])).toEqual(whatIf.rows.map((r) => [r.scenario.rank, r.scenario.final]));
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});
