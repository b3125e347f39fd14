import { describe, expect, it } from 'vitest';
import { defaultChartLabels } from '../../charts/chart-labels';
import { layOutWaterfall } from '../../charts/options/score-waterfall';
import { waterfallViewOf } from './waterfall-view';

describe('the waterfall adapter', () => {
  it('goes from full marks down by each indicator’s loss, then the cap, and ends on the final', () => {
    // max 90 (an excluded leaf): 40/40, 23/30, 10/10, 4/10 → base 77 → 85.56; capped to 59.
    const view = waterfallViewOf(
      {
        final: 59,
        applicableMax: 90,
        indicators: [
          { code: '1', name: '主动公开', applicablePoints: 40, lost: 0 },
          { code: '2', name: '依申请公开', applicablePoints: 30, lost: 7 },
          { code: '3', name: '年度报告', applicablePoints: 10, lost: 0 },
          { code: '4', name: '问题整改', applicablePoints: 10, lost: 6 },
        ],
        waterfall: [
          { kind: 'indicator', value: 44.44, end: 44.44 },
          { kind: 'indicator', value: 25.56, end: 70 },
          { kind: 'indicator', value: 11.11, end: 81.11 },
          { kind: 'indicator', value: 4.45, end: 85.56 },
          { kind: 'veto-cap', value: -26.56, end: 59 },
        ],
      },
      defaultChartLabels,
    );
    expect(view?.steps.map((s) => [s.label, s.delta])).toEqual([
      ['主动公开', 0],
      ['依申请公开', -7.78],
      ['年度报告', 0],
      ['问题整改', -6.66],
      ['否决封顶', -26.56],
    ]);
    const bars = layOutWaterfall(view ?? { full: 100, steps: [], final: 0 });
    expect(bars.at(-2)?.total).toBe(59);
    expect(bars.at(-1)).toMatchObject({ kind: 'final', total: 59 });
  });

  it('has no view for an unscored unit', () => {
    expect(waterfallViewOf({ final: null, applicableMax: 0, indicators: [], waterfall: [] }, defaultChartLabels)).toBeNull();
  });
});
