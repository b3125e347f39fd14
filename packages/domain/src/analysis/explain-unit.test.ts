// Explanations: waterfalls, gaps and relative losses worked out by hand, and the
// waterfall's exact sum on random schemes (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsGroup, excludedGroup, plainGroup } from '../../test/analysis/analysis-golden-cases';
import { randomCaseArb, runCase } from '../../test/analysis/analysis-test-cases';
import { explainUnit, type WaterfallStep } from './explain-unit';

const bars = (steps: WaterfallStep[]) => steps.map((s) => [s.kind, s.code ?? s.label, s.value, s.end]);

describe('explainUnit (by hand)', () => {
  it('builds the waterfall through major deductions and the bonus', () => {
    // B: 50 + 35 = 85, major −5 → 80, 80 ≥ gate 80 → bonus +2 → 82
    const b = explainUnit(eventsGroup(), 'B');
    expect(bars(b.waterfall)).toEqual([
      ['indicator', '1', 50, 50],
      ['indicator', '2', 35, 85],
      ['major', '重大扣分', -5, 80],
      ['bonus', '加分', 2, 82],
    ]);
    expect(b.final).toBe(82);
    // A: 45 + 40 = 85, bonus 2 × 2 = 4 capped to 3 → 88
    expect(bars(explainUnit(eventsGroup(), 'A').waterfall).slice(2)).toEqual([['bonus', '加分', 3, 88]]);
  });

  it('shows what a cap veto took off', () => {
    // C: 40 + 49 = 89, capped to 60: −29
    const c = explainUnit(eventsGroup(), 'C');
    expect(bars(c.waterfall)).toEqual([
      ['indicator', '1', 40, 40],
      ['indicator', '2', 49, 89],
      ['veto-cap', '否决项封顶', -29, 60],
    ]);
    expect(c.gapToAbove).toMatchObject({ unit: 'B', rank: 2, final: 82, gap: 22 });
  });

  it('rounds running totals so the bars add up to the final exactly', () => {
    // B1 of group B (maximum 90): 50 / 90 × 100 = 55.555… → 55.56;
    // running (50 + 20) / 90 × 100 = 77.777… → 77.78, so the second bar is 77.78 − 55.56 = 22.22
    const b1 = explainUnit(excludedGroup(), 'B1');
    expect(bars(b1.waterfall)).toEqual([
      ['indicator', '1', 55.56, 55.56],
      ['indicator', '2', 22.22, 77.78],
      ['indicator', '3', 0, 77.78],
    ]);
    expect(b1.final).toBe(77.78);
    expect(b1.applicableMax).toBe(90);
    expect(b1.indicators.find((i) => i.code === '3')).toMatchObject({
      points: 10,
      applicablePoints: 0,
      earned: 0,
      lost: 0,
      contribution: 0,
    });
    // B3: 8.001 / 90 × 100 = 8.89; (8.001 + 8) / 90 × 100 = 17.7788… → 17.78; bar 2 = 8.89
    expect(bars(explainUnit(excludedGroup(), 'B3').waterfall).map((b) => b[2])).toEqual([8.89, 8.89, 0]);
  });

  it('gives the gap to the unit just above, by indicator where it earned more', () => {
    // U3 76 (rank 2) vs U2 78 (rank 1): gap 2; U2 earned more only on 2: 36 − 28 = 8
    const u3 = explainUnit(plainGroup(), 'U3');
    expect(u3.gapToAbove).toEqual({
      unit: 'U2',
      name: '单位U2',
      rank: 1,
      final: 78,
      gap: 2,
      indicators: [{ code: '2', name: '依申请公开', own: 28, other: 36, difference: 8 }],
    });
    expect(explainUnit(plainGroup(), 'U2').gapToAbove).toBeNull();
    // a vetoed unit has no rank, so no gap
    expect(explainUnit(eventsGroup(), 'D').gapToAbove).toBeNull();
  });

  it('lists the indicators where the unit lost more than the group average', () => {
    // score rates on 1 (of 60): 0.9, 0.7, 0.8 → average 0.8, average loss 12
    //             on 2 (of 40): 0.5, 0.9, 0.7 → average 0.7, average loss 12
    // U1 lost 6 on 1 (less than average) and 20 on 2: 8 more than average
    expect(explainUnit(plainGroup(), 'U1').relativeLosses).toEqual([
      { code: '2', name: '依申请公开', applicablePoints: 40, lost: 20, groupAverageLost: 12, excessLost: 8 },
    ]);
    // U2 lost 18 on 1 (6 more than average) and 4 on 2
    expect(explainUnit(plainGroup(), 'U2').relativeLosses.map((l) => [l.code, l.excessLost])).toEqual([['1', 6]]);
    // U3 is exactly average on both
    expect(explainUnit(plainGroup(), 'U3').relativeLosses).toEqual([]);
  });

  it('refuses a unit outside the group', () => {
    expect(() => explainUnit(plainGroup(), 'X')).toThrow('不在分组');
  });
});

describe('explainUnit (properties)', () => {
  it('the waterfall sums exactly to the final, bar by bar', () => {
    fc.assert(
      fc.property(randomCaseArb, (c) => {
        for (const group of runCase(c).groups) {
          for (const unit of group.units) {
            const e = explainUnit(group, unit.unit);
            if (e.final === null) {
              expect(e.waterfall).toEqual([]);
              continue;
            }
            const cents = e.waterfall.reduce((s, step) => s + Math.round(step.value * 100), 0);
            expect(cents).toBe(Math.round(e.final * 100));
            expect(e.waterfall.at(-1)?.end).toBe(e.final);
            let running = 0;
            for (const step of e.waterfall) {
              expect(step.start).toBe(running);
              running = step.end;
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
