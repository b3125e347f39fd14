import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRankDelta, rankWithinGroup, type RankEntry } from './rank-within-group';

const entryArb: fc.Arbitrary<RankEntry> = fc.record({
  finalHundredths: fc.option(fc.integer({ min: 0, max: 300 }), { freq: 8 }), // small range: many ties
  isVetoFail: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
});

describe('rankWithinGroup', () => {
  it('ranks 1, 2, 2, 4', () => {
    const e = (f: number | null, isVetoFail = false) => ({ finalHundredths: f, isVetoFail });
    expect(rankWithinGroup([e(9000), e(8000), e(8000), e(7000), e(null), e(9500, true)])).toEqual([1, 2, 2, 4, null, null]);
  });

  it('is 1 + the number of rankable entries strictly above (property)', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 40 }), (entries) => {
        const ranks = rankWithinGroup(entries);
        entries.forEach((e, i) => {
          const rankable = e.finalHundredths !== null && !e.isVetoFail;
          if (!rankable) expect(ranks[i]).toBeNull();
          else {
            const f = e.finalHundredths ?? 0;
            const above = entries.filter((o) => o.finalHundredths !== null && !o.isVetoFail && o.finalHundredths > f).length;
            expect(ranks[i]).toBe(above + 1);
          }
        });
      }),
    );
  });

  it('does not depend on the order of the input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 30 }).chain((entries) =>
          fc.tuple(
            fc.constant(entries),
            fc.shuffledSubarray(
              entries.map((_, i) => i),
              { minLength: entries.length, maxLength: entries.length },
            ),
          ),
        ),
        ([entries, order]) => {
          const ranks = rankWithinGroup(entries);
          const shuffled = rankWithinGroup(order.map((i) => entries[i] as RankEntry));
          order.forEach((i, k) => expect(shuffled[k]).toBe(ranks[i]));
        },
      ),
    );
  });

  it('never lowers the rank of a unit whose final goes up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.integer({ min: 1, max: 100 }),
        (finals, pick, raise) => {
          const i = pick % finals.length;
          const before = rankWithinGroup(finals.map((f) => ({ finalHundredths: f, isVetoFail: false })))[i] ?? 0;
          const raised = finals.map((f, k) => (k === i ? f + raise : f));
          const after = rankWithinGroup(raised.map((f) => ({ finalHundredths: f, isVetoFail: false })))[i] ?? 0;
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
    );
  });
});

describe('computeRankDelta', () => {
  it('is previous − current in the same group, else null', () => {
    expect(computeRankDelta({ group: 'A', rank: 2 }, { group: 'A', rank: 5 })).toBe(3);
    expect(computeRankDelta({ group: 'A', rank: 2 }, { group: 'B', rank: 5 })).toBeNull();
    expect(computeRankDelta({ group: 'A', rank: null }, { group: 'A', rank: 5 })).toBeNull();
    expect(computeRankDelta({ group: 'A', rank: 1 }, undefined)).toBeNull();
  });
});
